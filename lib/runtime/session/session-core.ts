import { RuntimeError } from "../errors";
import {
  brokenResponseObservation,
  failedCallObservation,
  FaultInjector,
  type FaultPlan,
} from "../faults/injector";
import { resolveFaultConfig, type FaultConfig, type FaultProfileName } from "../faults/profiles";
import type { CallAnswer, ResetAnswer } from "../sandbox/backend";
import { diffState } from "../state/json-patch";
import type {
  FaultRecord,
  JsonPatchOp,
  JsonValue,
  Observation,
  StepRecord,
  ToolManifest,
} from "../types";
import { RuntimeErrorCode } from "../types";
import type { LoadedEnvironment } from "./environment";

export interface SessionOptions {
  /** Seeds the environment's `ctx` helpers and, independently, fault injection. Default 0. */
  seed?: number;
  /** A profile name (`none`, `flaky`, `hostile`) or a `FaultConfig`. Default `none`. */
  faults?: FaultProfileName | FaultConfig;
  /** Start episodes from this state instead of the environment's `initialState`. */
  initialState?: JsonValue;
  /** Virtual clock: epoch ms of the first step's start, and ms added before every step. */
  clock?: { startMs?: number; stepMs?: number };
  /** Check the state schema after every state change (default true). */
  validateState?: boolean;
}

export interface ResetOptions {
  seed?: number;
  /**
   * Seeds fault injection for this episode (default: the seed). Trials of one task share the
   * seed (the same world) but should each meet their own faults.
   */
  faultSeed?: number;
  initialState?: JsonValue;
}

/** 2025-01-01T00:00:00Z: a fixed start so that `ctx.now()` is reproducible. */
export const DEFAULT_CLOCK_START_MS = Date.UTC(2025, 0, 1);
const DEFAULT_STEP_MS = 1000;

/** A step the sandbox must run before it can be recorded. */
export interface PendingCall {
  readonly tool: ToolManifest;
  readonly args: JsonValue;
  readonly argsJson: string;
  readonly nowMs: number;
  readonly envStep: number;
  readonly faults: FaultRecord[];
  readonly plan: FaultPlan;
}

export type StepStart = { record: StepRecord } | { pending: PendingCall };

let nextKey = 0;

function failure(code: string, message: string, details?: JsonValue): Observation {
  return {
    ok: false,
    error: details === undefined ? { code, message } : { code, message, details },
  };
}

/** JSON copy of whatever the caller passed as arguments (a policy may pass any JS value). */
function toJsonArgs(args: unknown): JsonValue | undefined {
  try {
    const text = JSON.stringify(args ?? {});
    return text === undefined ? undefined : (JSON.parse(text) as JsonValue);
  } catch {
    return undefined;
  }
}

/**
 * Everything a session does outside the sandbox — validation, faults, clock, patches, records —
 * independent of where the sandbox runs. The owner runs the sandbox calls this asks for.
 */
export class SessionCore {
  readonly key = `s${nextKey++}`;
  readonly steps: StepRecord[] = [];
  seed: number;
  /** The sandbox generation this session's state was last loaded into. */
  generation = -1;
  private current: JsonValue = null;
  private initial: JsonValue = null;
  private clockMs = 0;
  private envCalls = 1;
  private injector: FaultInjector;
  private readonly faults: FaultConfig;
  private readonly stale = new Map<string, { index: number; result: JsonValue }>();
  private readonly startMs: number;
  private readonly stepMs: number;
  private readonly validateState: boolean;

  constructor(
    readonly env: LoadedEnvironment,
    private readonly options: SessionOptions,
  ) {
    this.seed = options.seed ?? 0;
    this.faults = resolveFaultConfig(options.faults);
    this.injector = new FaultInjector(this.faults, this.seed);
    this.startMs = options.clock?.startMs ?? DEFAULT_CLOCK_START_MS;
    this.stepMs = options.clock?.stepMs ?? DEFAULT_STEP_MS;
    this.validateState = options.validateState ?? true;
  }

  get state(): JsonValue {
    return this.current;
  }

  get initialState(): JsonValue {
    return this.initial;
  }

  get nowMs(): number {
    return this.clockMs;
  }

  /** Starts a new episode; returns what to pass to the sandbox's `reset`. */
  prepareReset(options: ResetOptions = {}): {
    seed: number;
    nowMs: number;
    stateJson: string | null;
  } {
    this.seed = options.seed ?? this.seed;
    this.injector = new FaultInjector(this.faults, options.faultSeed ?? this.seed);
    this.clockMs = this.startMs;
    this.envCalls = 1;
    this.steps.length = 0;
    this.stale.clear();
    const override = options.initialState ?? this.options.initialState;
    return {
      seed: this.seed,
      nowMs: this.clockMs,
      stateJson: override === undefined ? null : JSON.stringify(override),
    };
  }

  applyReset(answer: ResetAnswer, generation: number): JsonValue {
    if (!answer.ok) {
      throw new RuntimeError(
        "ENV_RESET_FAILED",
        `The environment could not start an episode: ${answer.error.code}: ${answer.error.message}`,
      );
    }
    const check = this.env.validators.state(answer.state);
    if (!check.ok)
      throw new RuntimeError(
        "ENV_RESET_FAILED",
        `The initial state does not match the state schema: ${check.message}`,
      );
    this.current = answer.state;
    this.initial = answer.state;
    this.generation = generation;
    return answer.state;
  }

  /** The state to reload when the sandbox was replaced since this session last used it. */
  resyncState(generation: number): string | null {
    return generation === this.generation ? null : JSON.stringify(this.current);
  }

  begin(toolName: string, rawArgs: unknown): StepStart {
    const index = this.steps.length;
    this.clockMs += this.stepMs;
    // Drawn for every step, valid or not, so faults depend only on (seed, step index).
    const plan = this.injector.plan(toolName);
    const args = toJsonArgs(rawArgs);
    const faults: FaultRecord[] = [];
    const done = (observation: Observation) => ({
      record: this.record(index, toolName, args ?? null, observation, faults, []),
    });

    const tool = this.env.tool(toolName);
    if (!tool) {
      const known = this.env.manifest.tools.map((t) => t.name).join(", ");
      return done(
        failure(RuntimeErrorCode.UNKNOWN_TOOL, `No tool named "${toolName}". Tools: ${known}`),
      );
    }
    if (args === undefined)
      return done(failure(RuntimeErrorCode.INVALID_ARGUMENTS, "The arguments are not JSON"));
    const valid = this.env.validators.input.get(tool.name)!(args);
    if (!valid.ok)
      return done(
        failure(
          RuntimeErrorCode.INVALID_ARGUMENTS,
          `Invalid arguments: ${valid.message}`,
          valid.details,
        ),
      );

    if (plan.latencyMs > 0) {
      faults.push({ kind: "latency", latencyMs: plan.latencyMs });
      this.clockMs += plan.latencyMs;
    }
    if (
      plan.exclusive === "service_unavailable" ||
      plan.exclusive === "timeout" ||
      plan.exclusive === "rate_limit"
    ) {
      const { observation, record } = failedCallObservation(
        plan.exclusive,
        plan,
        this.injector.timeoutMs,
      );
      faults.push(record);
      if (plan.exclusive === "timeout") this.clockMs += this.injector.timeoutMs;
      return done(observation);
    }
    const argsJson = JSON.stringify(args);
    if (plan.stale && tool.readOnly) {
      const cached = this.stale.get(`${tool.name}\n${argsJson}`);
      if (cached) {
        faults.push({ kind: "stale_read", staleFromStep: cached.index });
        return done({ ok: true, result: cached.result });
      }
    }
    return {
      pending: {
        tool,
        args,
        argsJson,
        nowMs: this.clockMs,
        envStep: this.envCalls++,
        faults,
        plan,
      },
    };
  }

  /**
   * Records the sandbox's answer. Returns the state JSON to `restore` in the sandbox when the
   * host rejected a change or the sandbox could not roll back by itself.
   */
  finish(call: PendingCall, answer: CallAnswer): { record: StepRecord; restore: string | null } {
    const index = this.steps.length;
    let observation: Observation;
    let patch: JsonPatchOp[] = [];
    let restore: string | null = null;
    if (answer.ok) {
      const output = this.env.validators.output.get(call.tool.name)!(answer.result);
      const stateCheck =
        answer.state === undefined || !this.validateState
          ? { ok: true as const }
          : this.env.validators.state(answer.state);
      if (!output.ok) {
        observation = failure(
          RuntimeErrorCode.ENV_INVALID_OUTPUT,
          `The tool's result does not match its output schema: ${output.message}`,
          output.details,
        );
      } else if (!stateCheck.ok) {
        observation = failure(
          RuntimeErrorCode.ENV_INVALID_STATE,
          `The tool left a state that does not match the state schema: ${stateCheck.message}`,
          stateCheck.details,
        );
      } else {
        observation = { ok: true, result: answer.result };
        if (answer.state !== undefined) {
          patch = diffState(this.current, answer.state);
          this.current = answer.state;
        }
        if (call.tool.readOnly)
          this.stale.set(`${call.tool.name}\n${call.argsJson}`, { index, result: answer.result });
        const broken = call.plan.exclusive;
        if (broken === "malformed_response" || broken === "truncated_response") {
          call.faults.push({ kind: broken });
          observation = brokenResponseObservation(
            broken,
            JSON.stringify(answer.result),
            call.plan.cut,
          );
        }
      }
      if (!observation.ok && answer.state !== undefined) restore = JSON.stringify(this.current);
    } else {
      observation = { ok: false, error: answer.error };
      // These escape the guest's own rollback (the interpreter was stopped mid-call).
      if (
        answer.error.code === RuntimeErrorCode.ENV_TIMEOUT ||
        answer.error.code === RuntimeErrorCode.ENV_OUT_OF_MEMORY
      ) {
        restore = JSON.stringify(this.current);
      }
    }
    return {
      record: this.record(
        index,
        call.tool.name,
        call.args,
        observation,
        call.faults,
        patch,
        answer.logs,
      ),
      restore,
    };
  }

  private record(
    index: number,
    tool: string,
    args: JsonValue,
    observation: Observation,
    faults: FaultRecord[],
    patch: JsonPatchOp[],
    logs?: string[],
  ): StepRecord {
    const record: StepRecord = {
      index,
      tool,
      args,
      observation,
      faults,
      patch,
      clockMs: this.clockMs,
    };
    if (logs && logs.length > 0) record.logs = logs;
    this.steps.push(record);
    return record;
  }
}
