import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { config } from "@/lib/config";

export type { Prisma } from "@/lib/generated/prisma/client";

const globalForPrisma = globalThis as unknown as { envfPrisma?: PrismaClient };

/** The process-wide Prisma client (kept on globalThis so dev reloads reuse one pool). */
export function db(): PrismaClient {
  if (!globalForPrisma.envfPrisma) {
    const url = config().DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set for this process. Start the studio with `npm start` (which provides the embedded PostgreSQL) or set DATABASE_URL.",
      );
    }
    globalForPrisma.envfPrisma = new PrismaClient({
      adapter: new PrismaPg({ connectionString: url }),
    });
  }
  return globalForPrisma.envfPrisma;
}
