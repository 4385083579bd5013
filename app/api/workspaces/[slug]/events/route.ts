import { authorize } from "@/lib/server/authz";
import { route } from "@/lib/server/http";
import { subscribe } from "@/lib/server/events";

export const dynamic = "force-dynamic";

/** Server-sent events: live job progress (and later run metrics) for one workspace. */
export const GET = route<{ slug: string }>(async ({ actor, params, request }) => {
  const access = await authorize(actor, { slug: params.slug }, "read");
  const encoder = new TextEncoder();
  let unsubscribe: (() => Promise<void>) | undefined;
  let keepAlive: ReturnType<typeof setInterval> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => {
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          // the client went away; cleanup happens in cancel/abort
        }
      };
      unsubscribe = await subscribe(access.workspace.id, (event) =>
        send(`event: ${event.topic}\ndata: ${JSON.stringify(event)}\n\n`),
      );
      keepAlive = setInterval(() => send(": keep-alive\n\n"), 15_000);
      send(": connected\n\n");
    },
    async cancel() {
      clearInterval(keepAlive);
      await unsubscribe?.();
    },
  });
  request.signal.addEventListener("abort", () => {
    clearInterval(keepAlive);
    void unsubscribe?.();
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
    },
  });
});
