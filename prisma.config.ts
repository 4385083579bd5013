import "dotenv/config";
import { defineConfig } from "prisma/config";

// Migrations are applied by `npm run db:migrate` (prisma/migrate.ts), which runs offline;
// this file serves `prisma generate`.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
