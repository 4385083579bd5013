import "server-only";
import PgBoss from "pg-boss";
import { config } from "@/lib/config";

export const QUEUE = "envf-jobs";

export interface Delivery {
  jobId: string;
}

const globalForBoss = globalThis as unknown as { envfBoss?: Promise<PgBoss> };

/**
 * pg-boss delivers jobs through Postgres; the `job` table (not pg-boss's) is what users see and
 * carries status, progress, attempts and cancellation. The web app only sends, the worker works.
 */
export function boss(options: { supervise: boolean } = { supervise: false }): Promise<PgBoss> {
  globalForBoss.envfBoss ??= (async () => {
    const instance = new PgBoss({
      connectionString: config().DATABASE_URL,
      supervise: options.supervise,
      schedule: false,
      max: 4,
    });
    instance.on("error", (error) => console.error(`pg-boss: ${error.message}`));
    await instance.start();
    await instance.createQueue(QUEUE, { name: QUEUE, retryLimit: 0, expireInHours: 23 });
    return instance;
  })();
  return globalForBoss.envfBoss;
}

export async function deliver(jobId: string, startAfterSeconds = 0): Promise<void> {
  const b = await boss();
  await b.send(
    QUEUE,
    { jobId } satisfies Delivery,
    startAfterSeconds ? { startAfter: startAfterSeconds } : {},
  );
}

export async function stopBoss(): Promise<void> {
  const instance = await globalForBoss.envfBoss;
  globalForBoss.envfBoss = undefined;
  await instance?.stop({ graceful: false, wait: true });
}
