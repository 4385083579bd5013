import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import {
  AIMessage,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  type BaseMessage,
} from "@langchain/core/messages";
import type { JsonValue, ToolManifest } from "@/lib/runtime";
import { TrainingError } from "../errors";
import type { Decision, Policy, PolicyContext } from "./policy";

export interface LlmPolicyOptions {
  /** Any LangChain chat model that supports tool calling (ChatOpenAI, ChatAnthropic, …). */
  model: BaseChatModel;
  name?: string;
  /** Aborts a model call in flight (cancellation); the call then fails with `LLM_FAILED`. */
  signal?: AbortSignal;
}

const SYSTEM = (env: PolicyContext["environment"]) =>
  [
    `You operate the "${env.name}" environment: ${env.description}`,
    "Complete the user's task by calling the tools, one call at a time, and read each result before the next call.",
    "If a call fails with SERVICE_UNAVAILABLE, TIMEOUT or RATE_LIMITED, retry the same call. If a tool refuses with another error, follow the task's fallback or stop.",
    "When the task is done, reply without a tool call; your reply is the final answer and must state every value the user asked for.",
  ].join("\n");

function toolDefinition(tool: ToolManifest) {
  return {
    type: "function" as const,
    function: { name: tool.name, description: tool.description, parameters: tool.inputSchema },
  };
}

function asArgs(value: JsonValue): Record<string, JsonValue> {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? value : {};
}

/** The conversation so far, rebuilt from the episode's steps (the policy keeps no state). */
function messages(context: PolicyContext): BaseMessage[] {
  const history: BaseMessage[] = [
    new SystemMessage(SYSTEM(context.environment)),
    new HumanMessage(context.instruction),
  ];
  for (const step of context.steps) {
    const id = `call_${step.index}`;
    history.push(
      new AIMessage({
        content: "",
        tool_calls: [{ id, name: step.tool, args: asArgs(step.args), type: "tool_call" }],
      }),
    );
    history.push(new ToolMessage({ tool_call_id: id, content: JSON.stringify(step.observation) }));
  }
  return history;
}

function text(content: AIMessage["content"]): string {
  if (typeof content === "string") return content;
  return content
    .map((part) => ("text" in part && typeof part.text === "string" ? part.text : ""))
    .join("");
}

/**
 * An LLM agent through LangChain tool calling, for evaluation and data collection (no weight
 * updates). A reply with a tool call is the next call (only the first call of a reply is
 * used: episodes are sequential); a reply without one finishes with its text as the answer.
 */
export function llmPolicy(options: LlmPolicyOptions): Policy {
  const bound = new WeakMap<
    readonly ToolManifest[],
    ReturnType<NonNullable<BaseChatModel["bindTools"]>>
  >();
  return {
    name: options.name ?? "llm",
    async act(context: PolicyContext): Promise<Decision> {
      let runnable = bound.get(context.tools);
      if (!runnable) {
        if (!options.model.bindTools)
          throw new TrainingError("LLM_FAILED", "this chat model does not support tool calling");
        runnable = options.model.bindTools(context.tools.map(toolDefinition));
        bound.set(context.tools, runnable);
      }
      let reply: AIMessage;
      try {
        reply = (await runnable.invoke(messages(context), { signal: options.signal })) as AIMessage;
      } catch (error) {
        // The provider's error stays as the cause (its HTTP status says what went wrong).
        throw new TrainingError(
          "LLM_FAILED",
          `the model call failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
      const call = reply.tool_calls?.[0];
      const none = { logprob: null, entropy: null };
      if (call)
        return {
          action: { kind: "call", tool: call.name, args: call.args as Record<string, JsonValue> },
          ...none,
        };
      return { action: { kind: "finish", answer: text(reply.content) }, ...none };
    },
  };
}
