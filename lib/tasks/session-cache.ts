import {
  createSession,
  RuntimeError,
  type InlineSession,
  type JsonValue,
  type LoadedEnvironment,
} from "@/lib/runtime";

/**
 * One inline session per loaded environment, shared by sampling and validation. Every use is
 * synchronous from `resetSync` to the last `stepSync`, so episodes never interleave.
 */
const sessions = new WeakMap<LoadedEnvironment, Promise<InlineSession>>();

export function sessionFor(env: LoadedEnvironment): Promise<InlineSession> {
  let session = sessions.get(env);
  if (!session) {
    session = createSession(env, { seed: 0, faults: "none" });
    sessions.set(env, session);
  }
  return session;
}

/**
 * Seed states by episode seed. A reset re-evaluates the environment module (milliseconds for
 * large generated environments), and the seed state is a pure function of the code and seed,
 * so a no-op episode needs no sandbox at all.
 */
const seedStates = new WeakMap<LoadedEnvironment, Map<number, JsonValue>>();
const SEED_STATES_KEPT = 256;

/** Resets re-run after a deadline miss (a busy machine can stall one beyond its CPU deadline). */
const RESET_TRIES = 3;

function resetWithRetry(session: InlineSession, seed: number, initialState?: JsonValue): JsonValue {
  for (let attempt = 1; ; attempt++) {
    try {
      return session.resetSync({ seed, initialState });
    } catch (error) {
      const transient =
        error instanceof RuntimeError &&
        error.code === "ENV_RESET_FAILED" &&
        /ENV_TIMEOUT/.test(error.message);
      if (!transient || attempt >= RESET_TRIES) throw error;
    }
  }
}

/** Resets the session to the episode's start and remembers the seed state. */
export function startEpisode(
  session: InlineSession,
  seed: number,
  initialState?: JsonValue,
): JsonValue {
  const state = resetWithRetry(session, seed, initialState);
  if (initialState === undefined) {
    let cache = seedStates.get(session.env);
    if (!cache) seedStates.set(session.env, (cache = new Map()));
    if (cache.size >= SEED_STATES_KEPT) cache.delete(cache.keys().next().value as number);
    cache.set(seed, state);
  }
  return state;
}

/** The state an episode of this seed starts from (a copy), resetting only when not known. */
export async function seedState(env: LoadedEnvironment, seed: number): Promise<JsonValue> {
  const known = seedStates.get(env)?.get(seed);
  if (known !== undefined) return structuredClone(known);
  return startEpisode(await sessionFor(env), seed);
}
