import { AIMessage, HumanMessage, SystemMessage, type BaseMessage } from "@langchain/core/messages";
import { SynthesisError } from "../errors";
import type { DomainSpec } from "../spec/schema";
import { formatProblems, validateSpec, type SpecProblem } from "../spec/validate";
import type { SynthesisEvent } from "./events";
import { extractJson } from "./extract";
import type { ChatClient, TokenUsage } from "./model";
import { specRepairRequest, specRequest, specSystemPrompt } from "./prompts";

/**
 * Prose → validated spec. Each invalid draft is sent back with every problem and its path,
 * up to `repairs` times; then the last problems are raised as SPEC_INVALID.
 */
export async function draftSpec(
  client: ChatClient,
  description: string,
  options: {
    repairs: number;
    signal?: AbortSignal;
    emit: (event: SynthesisEvent) => void;
    addTokens: (t: TokenUsage) => void;
  },
): Promise<DomainSpec> {
  const messages: BaseMessage[] = [
    new SystemMessage(specSystemPrompt()),
    new HumanMessage(specRequest(description)),
  ];
  let problems: SpecProblem[] = [];
  for (let attempt = 1; attempt <= options.repairs + 1; attempt++) {
    const reply = await client.ask(messages, options.signal);
    options.addTokens(reply.tokens);
    let json: unknown;
    try {
      json = extractJson(reply.text);
    } catch (error) {
      problems = [
        { path: "", message: `the answer is not a JSON object (${(error as Error).message})` },
      ];
      options.emit({
        stage: "spec",
        attempt,
        status: "unparseable",
        problems,
        tokens: reply.tokens,
        latencyMs: reply.latencyMs,
      });
      messages.push(
        new AIMessage(reply.text),
        new HumanMessage(specRepairRequest(formatProblems(problems))),
      );
      continue;
    }
    const result = validateSpec(json);
    options.emit({
      stage: "spec",
      attempt,
      status: result.ok ? "valid" : "invalid",
      problems: result.problems,
      tokens: reply.tokens,
      latencyMs: reply.latencyMs,
    });
    if (result.ok) return result.spec;
    problems = result.problems;
    messages.push(
      new AIMessage(reply.text),
      new HumanMessage(specRepairRequest(formatProblems(problems))),
    );
  }
  throw new SynthesisError(
    "SPEC_INVALID",
    `the model's spec still has ${problems.length} problem(s):\n${formatProblems(problems)}`,
  );
}
