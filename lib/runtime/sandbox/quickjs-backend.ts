import type { ObservationError } from "../types";
import type { CallAnswer, ResetAnswer, SandboxBackend } from "./backend";
import type { SandboxLimits } from "./limits";
import { QuickJSRealm, RealmCrash } from "./quickjs-realm";
import { reserveFor, type ModuleReserve } from "./wasm-modules";

const RESTARTING: ObservationError = {
  code: "ENV_CRASHED",
  message: "The sandbox is restarting after a crash; retry the call",
};

/**
 * A sandbox in the caller's thread: one QuickJS realm, replaced by a fresh one whenever it
 * crashes or runs out of memory. Sessions notice the replacement through `generation`.
 */
export class QuickJSBackend implements SandboxBackend {
  generation = 0;
  private recovering: Promise<void> | null = null;

  private constructor(
    private realm: QuickJSRealm | null,
    private readonly code: string,
    private readonly limits: SandboxLimits,
    private readonly reserve: ModuleReserve,
  ) {}

  /** Loads compiled environment code; throws `RealmCrash` (code `ENV_LOAD_FAILED`) if it cannot load. */
  static async create(code: string, limits: SandboxLimits): Promise<QuickJSBackend> {
    const reserve = reserveFor(limits.memoryBytes);
    const realm = new QuickJSRealm(await reserve.take(), code, limits);
    return new QuickJSBackend(realm, code, limits, reserve);
  }

  /** The environment's self-description, as reported by the guest's `install`. */
  get description(): string {
    return this.realm?.description ?? "";
  }

  /** Resolves once a crashed realm has been replaced. */
  async ready(): Promise<void> {
    await this.recovering;
  }

  reset(key: string, seed: number, nowMs: number, stateJson: string | null): ResetAnswer {
    return this.guard(RESTARTING, (realm) => realm.reset(key, seed, nowMs, stateJson));
  }

  call(key: string, tool: string, argsJson: string, nowMs: number, step: number): CallAnswer {
    return this.guard(RESTARTING, (realm) => realm.call(key, tool, argsJson, nowMs, step));
  }

  restore(key: string, stateJson: string): void {
    this.guard(undefined, (realm) => realm.restore(key, stateJson));
  }

  drop(key: string): void {
    this.guard(undefined, (realm) => realm.drop(key));
  }

  dispose(): void {
    this.realm?.dispose();
    this.realm = null;
  }

  private guard<T>(
    whenDown: ObservationError | undefined,
    run: (realm: QuickJSRealm) => T,
  ): T | { ok: false; error: ObservationError } {
    const realm = this.realm;
    if (!realm) return { ok: false, error: whenDown ?? RESTARTING };
    try {
      const answer = run(realm);
      if (realm.tainted) this.replace();
      return answer;
    } catch (error) {
      if (!(error instanceof RealmCrash)) throw error;
      this.replace();
      return { ok: false, error: error.error };
    }
  }

  private replace(): void {
    // Not disposed: freeing a runtime that crashed or ran out of memory aborts on leaked
    // objects. Dropping every reference lets the whole WebAssembly instance be collected.
    this.realm = null;
    this.generation++;
    const spare = this.reserve.takeSync();
    if (spare) {
      this.realm = new QuickJSRealm(spare, this.code, this.limits);
      return;
    }
    this.recovering = this.reserve.take().then((wasm) => {
      this.realm = new QuickJSRealm(wasm, this.code, this.limits);
      this.recovering = null;
    });
  }
}
