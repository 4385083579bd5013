import type { JsonValue, StepRecord } from "@/lib/runtime";
import { hashSeed, type Rng } from "../rng";
import type { ExecutedChain } from "../sampler/chain-types";
import type { SamplerContext } from "../sampler/context";
import { StatePool } from "../sampler/state-pool";
import { splitOf } from "../split";
import type { Difficulty, Task } from "../task";
import { isFoolable } from "./counterfactual";
import { stableGoals, witnesses, type PerturbedRun } from "./goals";
import { composeInstruction, phraseCall, type CallPhrasing } from "./instruction";
import { describeBinding, type Reference } from "./refs";
import { reportCandidates, reportValues, type Report } from "./report";
import { formatValue } from "./words";

export const GENERATOR = "envfactory.querygen/1";

export type BuildOutcome = { ok: true; task: Task } | { ok: false; reason: string };

export function difficultyOf(chain: ExecutedChain): Difficulty {
  if (chain.calls.some((c) => c.trap) || chain.calls.length >= 4) return "hard";
  return chain.calls.length >= 2 ? "medium" : "easy";
}

function scalarValues(args: Record<string, JsonValue>): string[] {
  return Object.values(args)
    .filter((v) => v === null || typeof v !== "object")
    .map(formatValue);
}

/** 64-bit content hash as hex: ids stay stable across runs and machines. */
function contentId(...parts: string[]): string {
  const a = hashSeed("a", ...parts)
    .toString(16)
    .padStart(8, "0");
  const b = hashSeed("b", ...parts)
    .toString(16)
    .padStart(8, "0");
  return a + b;
}

interface ChainPhrasing {
  phrasings: CallPhrasing[];
  /** Values the instruction must keep (stated arguments, facts that pick a record). */
  mentions: string[];
  /** Per call, the arguments the instruction writes out (stated, or named again literally). */
  written: Record<string, JsonValue>[];
}

/** How the instruction states or refers to every argument; undefined when one is ambiguous. */
function phraseChain(
  ctx: SamplerContext,
  chain: ExecutedChain,
  pool: StatePool,
): ChainPhrasing | undefined {
  const out: ChainPhrasing = { phrasings: [], mentions: [], written: [] };
  for (const [i, call] of chain.calls.entries()) {
    const refs: Record<string, Reference> = {};
    const literal: Record<string, JsonValue> = { ...call.stated };
    for (const [name, binding] of Object.entries(call.bound)) {
      const ref = describeBinding(ctx, chain, pool, binding);
      if (!ref) return undefined;
      refs[name] = ref;
      if (ref.literal) literal[name] = chain.args[i][name];
      out.mentions.push(...ref.mentions);
    }
    out.written.push(literal);
    out.mentions.push(...scalarValues(call.stated));
    out.phrasings.push({ tool: ctx.tools.get(call.tool)!, stated: call.stated, refs });
  }
  return out;
}

/**
 * What to ask the agent to report from the last call: required after a lookup, sometimes added
 * after a change. Only values that also come out of the perturbed replay, and that the
 * instruction does not already contain.
 */
function pickReport(
  ctx: SamplerContext,
  chain: ExecutedChain,
  last: CallPhrasing,
  body: string,
  perturbed: PerturbedRun | undefined,
  wanted: boolean,
): Report | undefined {
  const lastIndex = chain.calls.length - 1;
  const observation = chain.steps[lastIndex].observation;
  if (!wanted || !observation.ok) return undefined;
  const candidates = reportCandidates(
    last.tool,
    chain.args[lastIndex],
    observation.result,
    phraseCall(last),
    !last.tool.readOnly,
  );
  const again = perturbed?.steps[lastIndex].observation;
  const stable = (r: Report) =>
    !again || (again.ok && reportValues(r, again.result).every((v, k) => v === r.values[k]));
  if (again && candidates.some((r) => !stable(r))) ctx.stability.observe(last.tool.name, true);
  return candidates.filter(stable).find((r) => r.values.every((v) => !body.includes(v)));
}

function tagsOf(ctx: SamplerContext, chain: ExecutedChain, report: Report | undefined): string[] {
  const changes = chain.calls.some(
    (c, i) => !c.trap && !ctx.tools.get(c.tool)!.readOnly && chain.steps[i].patch.length > 0,
  );
  const trapCode = chain.calls.find((c) => c.trap)?.trap;
  return [
    changes ? "write" : "read",
    ...(report ? ["report"] : []),
    ...(chain.calls.length > 1 ? ["multi-step"] : []),
    ...(trapCode ? ["error-recovery", `error:${trapCode}`] : []),
    ...new Set(chain.calls.map((c) => `tool:${c.tool}`)),
  ];
}

/**
 * Turns an executed chain into a task: stable state goals, required calls with only the
 * arguments the instruction states, an answer to report when the chain ends in a lookup, and
 * the instruction itself. Fails when part of the effect could not be checked, or when the
 * checker could be satisfied with a wrong record.
 */
export function buildTask(
  ctx: SamplerContext,
  chain: ExecutedChain,
  samplerSeed: number,
  rng: Rng,
): BuildOutcome {
  const pool = new StatePool(chain.initialState);
  const goalsOutcome = stableGoals(ctx, chain);
  if (!goalsOutcome.ok) return { ok: false, reason: "ORDER_DEPENDENT" };
  const { goals, perturbed } = goalsOutcome;
  const phrased = phraseChain(ctx, chain, pool);
  if (!phrased) return { ok: false, reason: "AMBIGUOUS_REFERENCE" };
  const { phrasings, mentions, written } = phrased;

  // A changing call whose target the instruction only refers to must show in the state goals.
  for (const [i, call] of chain.calls.entries()) {
    if (call.trap || ctx.tools.get(call.tool)!.readOnly || Object.keys(call.bound).length === 0)
      continue;
    if (!witnesses(goals, chain.steps[i].patch)) return { ok: false, reason: "UNCHECKABLE_EFFECT" };
  }

  const lastIndex = chain.calls.length - 1;
  const last = phrasings[lastIndex];
  const trapIndex = chain.calls.findIndex((c) => c.trap);
  const clauses = phrasings.filter((_, i) => i !== trapIndex).map(phraseCall);
  const trap = trapIndex >= 0 ? phraseCall(phrasings[trapIndex]) : undefined;
  const body = composeInstruction({ clauses, trap });
  const wanted = last.tool.readOnly || (goals.length > 0 && rng.chance(0.25));
  const report = pickReport(ctx, chain, last, body, perturbed, wanted);
  if (last.tool.readOnly && !report) return { ok: false, reason: "NOTHING_TO_REPORT" };
  const instruction = report ? composeInstruction({ clauses, trap, report: report.label }) : body;

  const requiredCalls = chain.calls.flatMap((c, i) => {
    if (c.trap) return [];
    return Object.keys(written[i]).length
      ? [{ tool: c.tool, args: written[i] }]
      : [{ tool: c.tool }];
  });
  const checker = { goals, requiredCalls, requiredOutputs: report?.values ?? [], tau: 0.5 };
  const answerOf = (steps: readonly StepRecord[]) => {
    const observation = steps[lastIndex]?.observation;
    if (!report || !observation?.ok) return "";
    return reportValues(report, observation.result)
      .filter((v) => v !== undefined)
      .join("\n");
  };
  if (isFoolable(ctx, chain, pool, checker, answerOf))
    return { ok: false, reason: "FOOLABLE_CHECKER" };

  const manifest = ctx.env.manifest;
  const solution = chain.calls.map((c, i) => ({ tool: c.tool, args: chain.args[i] }));
  const hash = contentId(
    manifest.name,
    manifest.version,
    String(chain.episodeSeed),
    JSON.stringify(solution),
    instruction,
  );
  const id = `${manifest.name}-${hash}`;
  const task: Task = {
    id,
    instruction,
    difficulty: difficultyOf(chain),
    tags: tagsOf(ctx, chain, report),
    split: splitOf(id),
    seed: chain.episodeSeed,
    solution,
    checker,
    provenance: {
      generator: GENERATOR,
      envName: manifest.name,
      envVersion: manifest.version,
      chain: chain.calls.map((c) => c.tool),
      seed: samplerSeed,
      mentions: [...new Set(mentions)],
    },
  };
  return { ok: true, task };
}
