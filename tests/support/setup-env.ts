import { inject } from "vitest";

// Server modules read DATABASE_URL through lib/config; point them at this project's database.
process.env.DATABASE_URL = inject("databaseUrl");
