import {
  createSession,
  type InlineSession,
  type JsonValue,
  type LoadedEnvironment,
} from "@/lib/runtime";
import { faultProfileName, type FaultProfile } from "./episode";

/** One inline session per fault profile of one environment, reused across episodes. */
export class SessionSet {
  private readonly sessions = new Map<string, InlineSession>();
  /** Seed states by seed: loading a state is ~3× faster than generating it again. */
  private readonly seedStates = new Map<number, JsonValue>();

  constructor(readonly env: LoadedEnvironment) {}

  private key(profile: FaultProfile): string {
    return typeof profile === "string" ? profile : JSON.stringify(profile);
  }

  async open(profile: FaultProfile): Promise<InlineSession> {
    const key = this.key(profile);
    let session = this.sessions.get(key);
    if (!session) {
      session = await createSession(this.env, { faults: profile });
      this.sessions.set(key, session);
    }
    return session;
  }

  /** A session opened earlier with `open` (the synchronous training loop cannot await). */
  get(profile: FaultProfile): InlineSession {
    const session = this.sessions.get(this.key(profile));
    if (!session) throw new Error(`no session open for fault profile ${faultProfileName(profile)}`);
    return session;
  }

  /**
   * Starts an episode. Without an explicit state, the environment generates the seed state
   * from the seed; the first such state per seed is kept and loaded directly afterwards.
   */
  reset(
    session: InlineSession,
    seed: number,
    initialState: JsonValue | undefined,
    faultSeed: number,
  ): void {
    if (initialState !== undefined) {
      session.resetSync({ seed, faultSeed, initialState });
      return;
    }
    const known = this.seedStates.get(seed);
    if (known !== undefined) {
      session.resetSync({ seed, faultSeed, initialState: known });
      return;
    }
    session.resetSync({ seed, faultSeed });
    this.seedStates.set(seed, JSON.parse(JSON.stringify(session.initialState)) as JsonValue);
  }

  async close(): Promise<void> {
    for (const session of this.sessions.values()) await session.close();
    this.sessions.clear();
  }
}
