// A sandbox worker that misbehaves on request, outside QuickJS's reach: it spins the thread
// (as a long native operation would) or exits. Used to test the pool's watchdog.
import { parentPort } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
// The real worker's listener must be attached first: the port starts delivering messages as
// soon as any listener exists, and earlier messages would reach only this one.
await import("../worker-main.ts");
parentPort.on("message", (request) => {
  if (request.type === "inspect" || request.type === "load") {
    if (request.code.includes("__ENVF_SPIN__")) for (;;);
    return;
  }
  if (request.type !== "call") return;
  if (request.argsJson.includes('"spin":true')) for (;;);
  if (request.argsJson.includes('"exit":true')) process.exit(3);
});
