import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import {
  jsonEqual,
  type EnvironmentPackage,
  type JsonSchema,
  type JsonValue,
  type Manifest,
} from "@/lib/runtime";
import { SynthesisError } from "../errors";
import type { SynthesisWarning } from "../selftests/build";
import type { DomainSpec } from "../spec/schema";
import { synthesizeFromSpec } from "../synthesize";
import { describeReport, verifyPackage } from "../verify";
import { draftSpec } from "./draft-spec";
import type { AttemptRecord, SynthesisEvent } from "./events";
import { extractCode } from "./extract";
import { ChatClient, type ModelSource, type TokenUsage } from "./model";
import { codeRepairRequest, codeRequest, codeSystemPrompt } from "./prompts";

export interface DescribeOptions {
  /** The domain in prose. */
  description: string;
  /** The provider to use (studio settings or `llmConfigFromEnv()`), or a LangChain chat model. */
  source: ModelSource;
  /** Code attempts, the first included (default 3). */
  maxAttempts?: number;
  /** Times an invalid spec draft is sent back (default 2). */
  specRepairs?: number;
  onEvent?: (event: SynthesisEvent) => void;
  signal?: AbortSignal;
}

export interface DescribeResult {
  /** `published` only when the final code type-checks, keeps the spec's tool contract and passes every self-test. */
  status: "published" | "failed";
  spec: DomainSpec;
  /** The package to write; present only when published. */
  pkg?: EnvironmentPackage;
  attempts: AttemptRecord[];
  /** The attempt with the most passing self-tests (the last one when published). */
  best?: AttemptRecord;
  warnings: SynthesisWarning[];
  tokens: TokenUsage;
}

/**
 * The LLM synthesizer: description → spec (validated, repaired from its problems) → the
 * offline compiler's environment for that spec as a baseline → the model revises it to
 * capture the description → verify (type-check, load, tool contract, self-tests from the
 * spec oracle) and send the diagnostics back, up to `maxAttempts`, stopping early when the
 * number of passing self-tests stops improving.
 *
 * The self-tests come from the spec, not from the model, so a revision cannot weaken them.
 * Throws `SynthesisError` (LLM_UNREACHABLE, LLM_MISCONFIGURED, SPEC_INVALID,
 * SYNTHESIS_CANCELLED); a model that never gets the code right gives `status: "failed"`.
 */
export async function synthesizeFromDescription(options: DescribeOptions): Promise<DescribeResult> {
  const { description, signal } = options;
  const maxAttempts = options.maxAttempts ?? 3;
  const emit = (event: SynthesisEvent) => options.onEvent?.(event);
  const tokens: TokenUsage = { input: 0, output: 0, total: 0 };
  const addTokens = (t: TokenUsage) => {
    tokens.input += t.input;
    tokens.output += t.output;
    tokens.total += t.total;
  };
  const checkCancelled = () => {
    if (signal?.aborted) throw new SynthesisError("SYNTHESIS_CANCELLED", "synthesis was cancelled");
  };
  const client = new ChatClient(options.source);

  const spec = await draftSpec(client, description, {
    repairs: options.specRepairs ?? 2,
    signal,
    emit,
    addTokens,
  });
  checkCancelled();
  const baselineStarted = performance.now();
  const baseline = await synthesizeFromSpec(spec);
  const tests = baseline.pkg.tests!;
  emit({
    stage: "baseline",
    tests: tests.tests.length,
    warnings: baseline.warnings,
    latencyMs: Math.round(performance.now() - baselineStarted),
  });

  const messages: BaseMessage[] = [
    new SystemMessage(codeSystemPrompt()),
    new HumanMessage(
      codeRequest(
        description,
        spec,
        baseline.pkg.source,
        tests.tests.map((t) => t.name),
      ),
    ),
  ];
  const attempts: AttemptRecord[] = [];
  let published: { code: string; manifest: Manifest } | undefined;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    checkCancelled();
    const reply = await client.ask(messages, signal);
    addTokens(reply.tokens);
    const code = extractCode(reply.text) ?? null;
    emit({ stage: "code", attempt, code, tokens: reply.tokens, latencyMs: reply.latencyMs });
    checkCancelled();

    const verifyStarted = performance.now();
    const { record, manifest } = await verifyAttempt(
      attempt,
      code,
      tests,
      baseline.pkg.manifest!,
      reply,
    );
    attempts.push(record);
    emit({
      stage: "verify",
      attempt,
      ok: record.ok,
      passed: record.passed,
      total: record.total,
      diagnostics: record.diagnostics,
      failedTests: record.failedTests,
      summary: record.summary,
      latencyMs: Math.round(performance.now() - verifyStarted),
    });
    if (record.ok && code && manifest) {
      published = { code, manifest };
      break;
    }
    const previous = attempts.at(-2);
    if (previous && progress(record) <= progress(previous)) break;
    messages.push(new AIMessage(reply.text), new HumanMessage(codeRepairRequest(record.summary)));
  }

  const best = attempts.reduce<AttemptRecord | undefined>(
    (top, a) => (!top || a.ok || progress(a) > progress(top) ? a : top),
    undefined,
  );
  const status = published ? "published" : "failed";
  emit({
    stage: "done",
    status,
    attempts: attempts.length,
    passed: best?.passed ?? 0,
    total: tests.tests.length,
  });
  return {
    status,
    spec,
    pkg: published
      ? {
          source: published.code,
          manifest: published.manifest,
          tests,
          spec: spec as unknown as JsonValue,
        }
      : undefined,
    attempts,
    best,
    warnings: baseline.warnings,
    tokens,
  };
}

async function verifyAttempt(
  attempt: number,
  code: string | null,
  tests: NonNullable<EnvironmentPackage["tests"]>,
  contract: Manifest,
  reply: { tokens: TokenUsage; latencyMs: number },
): Promise<{ record: AttemptRecord; manifest?: Manifest }> {
  const base = {
    attempt,
    code,
    total: tests.tests.length,
    tokens: reply.tokens,
    latencyMs: reply.latencyMs,
  };
  if (code === null) {
    const summary = "The answer contained no ```ts code block with the environment.";
    return { record: { ...base, diagnostics: [], failedTests: [], summary, passed: 0, ok: false } };
  }
  const report = await verifyPackage({ source: code, tests });
  const contractProblems = report.manifest ? contractDifferences(contract, report.manifest) : [];
  const failedTests = report.selfTests
    .filter((t) => !t.passed)
    .map(({ name, failures }) => ({ name, failures }));
  const summary = [describeReport(report), ...contractProblems.map((p) => `contract: ${p}`)]
    .filter(Boolean)
    .join("\n");
  const ok = report.ok && contractProblems.length === 0;
  return {
    record: {
      ...base,
      diagnostics: report.diagnostics,
      failedTests,
      summary,
      passed: report.passed,
      ok,
    },
    manifest: report.manifest,
  };
}

/**
 * How far an attempt got: passing self-tests first, then fewer diagnostics (a type error does not
 * stop the self-tests from running, so fixing one shows up only here).
 */
function progress(record: AttemptRecord): number {
  return record.passed * 1000 - Math.min(record.diagnostics.length, 999);
}

/** The revised code must keep every tool of the spec with the same input and output schemas. */
function contractDifferences(expected: Manifest, actual: Manifest): string[] {
  const problems: string[] = [];
  const same = (a: JsonSchema, b: JsonSchema) => jsonEqual(a as JsonValue, b as JsonValue);
  for (const tool of expected.tools) {
    const found = actual.tools.find((t) => t.name === tool.name);
    if (!found) problems.push(`tool "${tool.name}" is missing`);
    else {
      if (!same(found.inputSchema, tool.inputSchema))
        problems.push(`tool "${tool.name}": the input schema changed`);
      if (!same(found.outputSchema, tool.outputSchema))
        problems.push(`tool "${tool.name}": the output schema changed`);
    }
  }
  return problems;
}
