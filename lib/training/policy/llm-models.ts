import { ChatAnthropic } from "@langchain/anthropic";
import type { BaseChatModel } from "@langchain/core/language_models/chat_models";
import { ChatOpenAI } from "@langchain/openai";
import { z } from "zod";

export const llmSettingsSchema = z.object({
  provider: z.enum(["openai", "anthropic"]).default("openai"),
  model: z.string().min(1),
  /** An OpenAI-compatible server (vLLM, Ollama, llama.cpp, LM Studio) or the provider's API. */
  baseUrl: z.url().optional(),
  /** Local servers usually take any key; the providers' SDKs also read their usual variables. */
  apiKey: z.string().optional(),
  temperature: z.number().min(0).max(2).default(0),
  maxRetries: z.number().int().min(0).default(2),
});
export type LlmSettings = z.input<typeof llmSettingsSchema>;

/** A tool-calling chat model from validated settings. */
export function chatModel(input: LlmSettings): BaseChatModel {
  const settings = llmSettingsSchema.parse(input);
  if (settings.provider === "anthropic") {
    return new ChatAnthropic({
      model: settings.model,
      temperature: settings.temperature,
      maxRetries: settings.maxRetries,
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      ...(settings.baseUrl ? { anthropicApiUrl: settings.baseUrl } : {}),
    });
  }
  return new ChatOpenAI({
    model: settings.model,
    temperature: settings.temperature,
    maxRetries: settings.maxRetries,
    // A local server needs some key; the SDK refuses to start without one.
    apiKey: settings.apiKey ?? (settings.baseUrl ? "not-needed" : undefined),
    ...(settings.baseUrl ? { configuration: { baseURL: settings.baseUrl } } : {}),
  });
}
