/** The sandbox worker thread: hosts QuickJS backends and answers the pool's requests. */
import { createHash } from "node:crypto";
import { parentPort } from "node:worker_threads";
import { RuntimeError } from "../errors";
import type { ObservationError } from "../types";
import { runSelfTests } from "../package/self-tests";
import { LoadedEnvironment, manifestFromDescription } from "../session/environment";
import { createValidators } from "../session/validation";
import { QuickJSBackend } from "./quickjs-backend";
import type { SandboxLimits } from "./limits";
import { RealmCrash } from "./quickjs-realm";
import type {
  DropAnswer,
  InspectAnswer,
  LoadAnswer,
  WorkerReady,
  WorkerReply,
  WorkerRequest,
} from "./worker-protocol";

/** Loaded environments by key, with the sessions that have state in them. */
const backends = new Map<string, { backend: Promise<QuickJSBackend>; keys: Set<string> }>();

/** Why a module did not load; a module that never finishes is reported as `ENV_TIMEOUT`. */
function loadFailure(crash: RealmCrash, limits: SandboxLimits): ObservationError {
  return crash.guestCode === "ENV_TIMEOUT"
    ? {
        code: "ENV_TIMEOUT",
        message: `The module's top-level code ran longer than ${limits.timeoutMs} ms`,
      }
    : crash.error;
}

/** Loads code in a throw-away sandbox: manifest and self-test results, or why it failed. */
async function inspect(
  request: Extract<WorkerRequest, { type: "inspect" }>,
): Promise<InspectAnswer> {
  let backend: QuickJSBackend;
  try {
    backend = await QuickJSBackend.create(request.code, request.limits);
  } catch (error) {
    if (!(error instanceof RealmCrash)) throw error;
    return { ok: false, error: loadFailure(error, request.limits) };
  }
  try {
    const manifest = manifestFromDescription(backend.description);
    const hash = createHash("sha256").update(request.code).digest("hex");
    const env = new LoadedEnvironment(
      "",
      request.code,
      hash,
      manifest,
      request.limits,
      createValidators(manifest),
      backend,
    );
    const selfTests = request.tests ? await runSelfTests(env, request.tests) : undefined;
    return selfTests ? { ok: true, manifest, selfTests } : { ok: true, manifest };
  } catch (error) {
    if (error instanceof RuntimeError)
      return { ok: false, error: { code: error.code, message: error.message } };
    throw error;
  } finally {
    backend.dispose();
  }
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.type === "inspect")
    return { id: request.id, generation: 0, answer: await inspect(request) };
  if (request.type === "load") {
    let entry = backends.get(request.env);
    if (!entry) {
      const created = QuickJSBackend.create(request.code, request.limits).catch((error) => {
        if (!(error instanceof RealmCrash)) throw error;
        const failure = loadFailure(error, request.limits);
        throw new Error(failure.code === "ENV_TIMEOUT" ? failure.message : error.message);
      });
      entry = { backend: created, keys: new Set() };
      backends.set(request.env, entry);
      const loading = entry;
      // A module that failed to load is not kept: the next load tries again.
      entry.backend.catch(() => {
        if (backends.get(request.env) === loading) backends.delete(request.env);
      });
    }
    const backend = await entry.backend;
    const answer: LoadAnswer = { description: backend.description };
    return { id: request.id, generation: backend.generation, answer };
  }
  const entry = backends.get(request.env);
  if (!entry)
    return {
      id: request.id,
      generation: 0,
      failure: `environment ${request.env} is not loaded in this worker`,
      notLoaded: true,
    };
  // Counted before waiting, so that a concurrent drop does not free the sandbox under it.
  if (request.type === "reset") entry.keys.add(request.key);
  const backend = await entry.backend;
  await backend.ready();
  let answer: unknown = null;
  switch (request.type) {
    case "reset":
      answer = backend.reset(request.key, request.seed, request.nowMs, request.stateJson);
      break;
    case "call":
      answer = backend.call(
        request.key,
        request.tool,
        request.argsJson,
        request.nowMs,
        request.step,
      );
      break;
    case "restore":
      backend.restore(request.key, request.stateJson);
      break;
    case "drop": {
      backend.drop(request.key);
      entry.keys.delete(request.key);
      // No session has state in it any more: free its sandbox (a later load brings it back).
      const unloaded = entry.keys.size === 0 && backends.get(request.env) === entry;
      if (unloaded) {
        backends.delete(request.env);
        backend.dispose();
      }
      answer = { unloaded } satisfies DropAnswer;
      break;
    }
  }
  return { id: request.id, generation: backend.generation, answer };
}

parentPort!.on("message", (request: WorkerRequest) => {
  handle(request).then(
    (reply) => parentPort!.postMessage(reply),
    (error: unknown) =>
      parentPort!.postMessage({
        id: request.id,
        generation: 0,
        failure: error instanceof Error ? error.message : String(error),
      }),
  );
});
parentPort!.postMessage({ ready: true } satisfies WorkerReady);
