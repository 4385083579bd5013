import type { JsonValue, ToolManifest } from "@/lib/runtime";
import type { Rng } from "../rng";
import { actionRows } from "./action-candidates";
import { answerCandidates } from "./answer-candidates";
import { argCandidates } from "./arg-candidates";
import { currentClause, type DecisionContext } from "./context";
import { makeValueMatcher, viewEpisode } from "./episode-view";
import { ACTION_BLOCK, ANSWER_BLOCK, ARG_BLOCK, FEATURE_COUNT, FEATURES } from "./features";
import { analyzeInstruction, type InstructionAnalysis } from "./instruction";
import type { Decision, PolicyContext, SyncPolicy } from "./policy";
import { chooseSoftmax, type Factor } from "./softmax";
import { analyzeTools, type ToolInfo } from "./tool-info";

/** The learner's weights as stored in checkpoints and exported for inspection. */
export interface PolicyWeights {
  kind: "linear";
  features: { name: string; about: string; weight: number }[];
}

export interface LinearPolicyOptions {
  /** Take the most likely choice instead of sampling (evaluation). */
  greedy?: boolean;
  /** Record each decision's candidates and choices (training). */
  trainable?: boolean;
  name?: string;
}

const INSTRUCTION_CACHE = 512;

/**
 * The built-in learner: a log-linear softmax policy. Each action is chosen in steps — a tool
 * or finish, then each argument among candidate values (or, when finishing, what to answer) —
 * and every step is a softmax over relational features (see `features.ts`).
 */
export class LinearPolicy implements SyncPolicy {
  readonly name: string;
  readonly weights: Float64Array;
  greedy: boolean;
  trainable: boolean;
  private readonly toolCache = new WeakMap<readonly ToolManifest[], ToolInfo[]>();
  private readonly instructionCache = new Map<string, InstructionAnalysis>();

  constructor(weights?: Float64Array, options: LinearPolicyOptions = {}) {
    this.weights = weights ? Float64Array.from(weights) : new Float64Array(FEATURE_COUNT);
    if (this.weights.length !== FEATURE_COUNT)
      throw new Error(`expected ${FEATURE_COUNT} weights, got ${this.weights.length}`);
    this.greedy = options.greedy ?? false;
    this.trainable = options.trainable ?? false;
    this.name = options.name ?? "linear";
  }

  act(context: PolicyContext, rng: Rng): Decision {
    const ctx = this.decisionContext(context);
    const factors: Factor[] | null = this.trainable ? [] : null;
    const pick = (offset: number, rows: Float64Array[]) => {
      const choice = chooseSoftmax(this.weights, offset, rows, rng, this.greedy);
      factors?.push({ offset, rows, chosen: choice.index });
      return choice;
    };

    const actions = actionRows(ctx);
    const first = pick(
      ACTION_BLOCK.offset,
      actions.map((r) => r.values),
    );
    let logprob = first.logprob;
    let entropy = first.entropy;
    const done = (action: Decision["action"]): Decision => ({
      action,
      logprob,
      entropy,
      ...(factors ? { factors } : {}),
    });

    if (first.index === ctx.tools.length) {
      const answers = answerCandidates(ctx);
      const answer = pick(
        ANSWER_BLOCK.offset,
        answers.map((a) => a.row.values),
      );
      logprob += answer.logprob;
      entropy += answer.entropy;
      return done({ kind: "finish", answer: answers[answer.index].text });
    }
    const tool = ctx.tools[first.index];
    const args: Record<string, JsonValue> = {};
    for (const arg of tool.args) {
      const candidates = argCandidates(ctx, tool, arg, args);
      const choice = pick(
        ARG_BLOCK.offset,
        candidates.map((c) => c.row.values),
      );
      logprob += choice.logprob;
      entropy += choice.entropy;
      const value = candidates[choice.index].value;
      if (value !== undefined) args[arg.name] = value;
    }
    return done({ kind: "call", tool: tool.name, args });
  }

  private decisionContext(context: PolicyContext): DecisionContext {
    let tools = this.toolCache.get(context.tools);
    if (!tools) {
      tools = analyzeTools(context.tools);
      this.toolCache.set(context.tools, tools);
    }
    let instruction = this.instructionCache.get(context.instruction);
    if (!instruction) {
      if (this.instructionCache.size >= INSTRUCTION_CACHE) this.instructionCache.clear();
      instruction = analyzeInstruction(context.instruction);
      this.instructionCache.set(context.instruction, instruction);
    }
    const readOnly = new Map(tools.map((t) => [t.name, t.readOnly]));
    const stated = makeValueMatcher(instruction);
    const view = viewEpisode(
      context.steps,
      instruction,
      (name) => readOnly.get(name) ?? false,
      stated,
    );
    const clause = currentClause(instruction, view);
    const none = new Set<string>();
    return {
      instruction,
      tools,
      view,
      clause,
      clauseStems: clause >= 0 ? instruction.clauses[clause] : none,
      clauseHead: clause >= 0 ? instruction.clauseHeads[clause] : none,
      clauseCore: clause >= 0 ? clauseCore(instruction.clauseWords[clause], tools) : none,
      stated,
    };
  }

  /** Named weights, for checkpoints and for people reading what was learned. */
  toJSON(): PolicyWeights {
    return {
      kind: "linear",
      features: FEATURES.map((f, i) => ({ ...f, weight: this.weights[i] })),
    };
  }

  static fromJSON(json: PolicyWeights, options?: LinearPolicyOptions): LinearPolicy {
    const byName = new Map(json.features.map((f) => [f.name, f.weight]));
    // Features added since the checkpoint start at zero; removed ones are dropped.
    return new LinearPolicy(
      Float64Array.from(FEATURES, (f) => byName.get(f.name) ?? 0),
      options,
    );
  }

  /** The features with the largest absolute weights. */
  topFeatures(count = 10): { name: string; about: string; weight: number }[] {
    return topFeatures(this.toJSON(), count);
  }
}

export function topFeatures(weights: PolicyWeights, count = 10): PolicyWeights["features"] {
  return [...weights.features]
    .sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))
    .slice(0, count);
}

const recordWordCache = new WeakMap<readonly ToolInfo[], Set<string>>();

/** Words of the records the tools take by id ("purchase_order_id" → purchase, order). */
function recordWords(tools: readonly ToolInfo[]): Set<string> {
  let found = recordWordCache.get(tools);
  if (!found) {
    found = new Set(
      tools.flatMap((t) =>
        t.args.filter((a) => /(^|_)id$/i.test(a.name)).flatMap((a) => a.nameTokens),
      ),
    );
    recordWordCache.set(tools, found);
  }
  return found;
}

function clauseCore(
  words: InstructionAnalysis["clauseWords"][number],
  tools: readonly ToolInfo[],
): Set<string> {
  const records = recordWords(tools);
  return new Set(words.filter((w) => w.refOf === null || !records.has(w.refOf)).map((w) => w.stem));
}
