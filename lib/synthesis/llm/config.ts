import { z } from "zod";
import { SynthesisError } from "../errors";

/** Which model to ask, and where. The studio passes per-workspace settings; the CLI reads the environment. */
export const LlmProviderConfig = z.object({
  kind: z.enum(["openai-compatible", "anthropic"]),
  /** Server root, e.g. `http://127.0.0.1:8000/v1` for vLLM; the provider's default when omitted. */
  baseURL: z.url({ protocol: /^https?$/ }).optional(),
  apiKey: z.string().optional(),
  model: z.string().min(1, "a model name is required"),
  /** Per-request timeout. */
  timeoutMs: z.number().int().positive().optional(),
  /** Retries of a failed request (connection errors, 5xx, 429). */
  maxRetries: z.number().int().min(0).optional(),
  temperature: z.number().min(0).max(2).optional(),
});
export type LlmProviderConfig = z.infer<typeof LlmProviderConfig>;

/** The environment variables the CLI reads, and the setting each one fills. */
export const LLM_ENV = {
  ENVF_LLM_PROVIDER: "kind",
  ENVF_LLM_BASE_URL: "baseURL",
  ENVF_LLM_API_KEY: "apiKey",
  ENVF_LLM_MODEL: "model",
} as const;

/**
 * Read the provider settings from `ENVF_LLM_*` variables. Throws `LLM_MISCONFIGURED` naming the
 * variable to fix.
 */
export function llmConfigFromEnv(
  env: Record<string, string | undefined> = process.env,
): LlmProviderConfig {
  const raw = {
    kind: env.ENVF_LLM_PROVIDER || "openai-compatible",
    baseURL: env.ENVF_LLM_BASE_URL || undefined,
    apiKey: env.ENVF_LLM_API_KEY || undefined,
    model: env.ENVF_LLM_MODEL ?? "",
  };
  const parsed = LlmProviderConfig.safeParse(raw);
  if (parsed.success) return parsed.data;
  const variable = (key: PropertyKey) =>
    Object.entries(LLM_ENV).find(([, field]) => field === key)?.[0] ?? String(key);
  const problems = parsed.error.issues.map(
    (issue) => `${variable(issue.path[0] ?? "")}: ${issue.message}`,
  );
  throw new SynthesisError(
    "LLM_MISCONFIGURED",
    `${problems.join("; ")} (set ENVF_LLM_MODEL, and ENVF_LLM_BASE_URL for a local server)`,
  );
}
