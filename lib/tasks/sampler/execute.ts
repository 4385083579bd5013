import type { Action, InlineSession, JsonValue, StepRecord } from "@/lib/runtime";
import { startEpisode } from "../session-cache";
import type { ExecutedChain, PlannedCall } from "./chain-types";
import { valueAt } from "./paths";

/** The arguments of a call, with bound values read from the earlier steps' results. */
export function resolveArgs(
  call: PlannedCall,
  steps: readonly StepRecord[],
): Record<string, JsonValue> | undefined {
  const args: Record<string, JsonValue> = { ...call.stated };
  for (const [name, b] of Object.entries(call.bound)) {
    const source = steps[b.step]?.observation;
    if (!source?.ok) return undefined;
    const value = valueAt(source.result, b.via, b.indices);
    if (value === undefined) return undefined;
    args[name] = value;
  }
  return args;
}

/** The step did what the plan expects: success, or the declared error of a trap. */
export function asPlanned(call: PlannedCall, step: StepRecord): boolean {
  return call.trap
    ? !step.observation.ok && step.observation.error.code === call.trap
    : step.observation.ok;
}

/**
 * Runs a chain from the seed state of `episodeSeed`. `prefix` calls run first and are not part
 * of the result: they shift call indices and the virtual clock, which is how goals that depend
 * on them (generated ids, timestamps) are told apart from goals the solution determines.
 */
export function executeChain(
  session: InlineSession,
  episodeSeed: number,
  calls: readonly PlannedCall[],
  prefix: readonly Action[] = [],
): Omit<ExecutedChain, "calls" | "episodeSeed"> | undefined {
  const initialState = startEpisode(session, episodeSeed);
  for (const action of prefix) session.stepSync(action.tool, action.args);
  const steps: StepRecord[] = [];
  const args: Record<string, JsonValue>[] = [];
  for (const call of calls) {
    const resolved = resolveArgs(call, steps);
    if (!resolved) return undefined;
    const step = session.stepSync(call.tool, resolved);
    if (!asPlanned(call, step)) return undefined;
    steps.push(step);
    args.push(resolved);
  }
  return { initialState, steps, args, finalState: session.state() };
}
