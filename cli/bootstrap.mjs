#!/usr/bin/env node
// `npm start` / `npm run dev` on a fresh clone: install dependencies and generate the database
// client when missing, then hand over to the studio launcher. Uses only Node built-ins.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

function run(command, args) {
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const installed = "node_modules/.package-lock.json";
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync("package-lock.json").mtimeMs) {
  console.log("Installing dependencies (npm ci)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
}
if (!existsSync("lib/generated/prisma/client.ts")) run("npm", ["run", "--silent", "db:generate"]);

const launcher = spawnSync(
  process.execPath,
  ["--conditions=react-server", "--import", "tsx", "cli/studio.ts", ...process.argv.slice(2)],
  { stdio: "inherit" },
);
process.exit(launcher.status ?? 1);
