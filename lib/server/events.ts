import "server-only";
import pg from "pg";
import { config } from "@/lib/config";
import { db } from "@/lib/server/db/client";

/** Live updates for the studio travel through Postgres NOTIFY, so any worker reaches any web process. */
const CHANNEL = "envf_events";

export interface LiveEvent {
  workspaceId: string;
  /** e.g. "job" */
  topic: string;
  id: string;
  data: Record<string, unknown>;
}

export async function publish(event: LiveEvent): Promise<void> {
  await db().$executeRaw`select pg_notify(${CHANNEL}, ${JSON.stringify(event)})`;
}

/** Calls `onEvent` for every event of one workspace until the returned function is called. */
export async function subscribe(
  workspaceId: string,
  onEvent: (event: LiveEvent) => void,
): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: config().DATABASE_URL });
  await client.connect();
  client.on("notification", (message) => {
    if (!message.payload) return;
    const event = JSON.parse(message.payload) as LiveEvent;
    if (event.workspaceId === workspaceId) onEvent(event);
  });
  await client.query(`listen ${CHANNEL}`);
  return async () => {
    await client.end().catch(() => undefined);
  };
}
