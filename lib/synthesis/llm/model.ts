import { ChatAnthropic } from "@langchain/anthropic";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import type { BaseMessage } from "@langchain/core/messages";
import { ChatOpenAI } from "@langchain/openai";
import { SynthesisError } from "../errors";
import type { LlmProviderConfig } from "./config";

export interface TokenUsage {
  input: number;
  output: number;
  total: number;
}

/** One model answer with what it cost. */
export interface ModelReply {
  text: string;
  tokens: TokenUsage;
  latencyMs: number;
}

/** Where the pipeline sends prompts: a provider to connect to, or a ready LangChain chat model. */
export type ModelSource =
  { provider: LlmProviderConfig } | { model: BaseChatModel; label?: string };

export function createChatModel(config: LlmProviderConfig): BaseChatModel {
  const common = {
    model: config.model,
    temperature: config.temperature ?? 0.2,
    maxRetries: config.maxRetries ?? 1,
  };
  if (config.kind === "anthropic") {
    return new ChatAnthropic({
      ...common,
      apiKey: config.apiKey,
      anthropicApiUrl: config.baseURL,
      clientOptions: { timeout: config.timeoutMs },
    });
  }
  return new ChatOpenAI({
    ...common,
    // Local servers (vLLM, Ollama, llama.cpp) accept any key, but the client insists on one.
    apiKey: config.apiKey ?? "not-needed",
    timeout: config.timeoutMs,
    configuration: { baseURL: config.baseURL },
  });
}

/** A chat model plus the error mapping that turns transport failures into coded errors. */
export class ChatClient {
  private readonly model: BaseChatModel;
  private readonly where: string;
  private readonly envHint: boolean;

  constructor(source: ModelSource) {
    if ("provider" in source) {
      this.model = createChatModel(source.provider);
      this.where = source.provider.baseURL ?? `the ${source.provider.kind} default endpoint`;
      this.envHint = true;
    } else {
      this.model = source.model;
      this.where = source.label ?? "the model";
      this.envHint = false;
    }
  }

  async ask(messages: BaseMessage[], signal?: AbortSignal): Promise<ModelReply> {
    const started = performance.now();
    let reply;
    try {
      reply = await this.model.invoke(messages, { signal });
    } catch (error) {
      throw this.explain(error, signal);
    }
    const usage = reply.usage_metadata;
    const text =
      typeof reply.content === "string"
        ? reply.content
        : reply.content.map((part) => ("text" in part ? String(part.text) : "")).join("");
    return {
      text,
      tokens: {
        input: usage?.input_tokens ?? 0,
        output: usage?.output_tokens ?? 0,
        total: usage?.total_tokens ?? 0,
      },
      latencyMs: Math.round(performance.now() - started),
    };
  }

  private explain(error: unknown, signal?: AbortSignal): Error {
    if (signal?.aborted)
      return new SynthesisError("SYNTHESIS_CANCELLED", "synthesis was cancelled");
    const err = error as {
      name?: string;
      constructor?: { name?: string };
      status?: number;
      message?: string;
    };
    const kind = `${err.constructor?.name ?? ""} ${err.name ?? ""}`;
    const message = err.message ?? String(error);
    if (
      /APIConnection|ECONNREFUSED|ENOTFOUND|fetch failed|Connection error|timed out/i.test(
        `${kind} ${message}`,
      )
    ) {
      const hint = this.envHint ? " — check ENVF_LLM_BASE_URL" : "";
      return new SynthesisError(
        "LLM_UNREACHABLE",
        `could not reach ${this.where}${hint} (${message})`,
      );
    }
    if (err.status === 401 || err.status === 403) {
      return new SynthesisError(
        "LLM_MISCONFIGURED",
        `${this.where} rejected the credentials${this.envHint ? " — check ENVF_LLM_API_KEY" : ""} (${message})`,
      );
    }
    if (err.status === 404) {
      return new SynthesisError(
        "LLM_MISCONFIGURED",
        `${this.where} does not know this model or path${this.envHint ? " — check ENVF_LLM_MODEL and ENVF_LLM_BASE_URL" : ""} (${message})`,
      );
    }
    return new SynthesisError("LLM_BAD_RESPONSE", `${this.where} failed: ${message}`);
  }
}
