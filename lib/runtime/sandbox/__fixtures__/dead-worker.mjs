// A sandbox worker entry that dies at once, as a broken deployment would.
process.exit(7);
