import "server-only";
import { z } from "zod";
import { config } from "@/lib/config";
import type { Actor } from "@/lib/server/auth/actor";
import { authorize } from "@/lib/server/authz";
import { decryptSecret, encryptSecret } from "@/lib/server/crypto";
import { db } from "@/lib/server/db/client";
import { parseInput } from "@/lib/server/validation";

export const llmSettingsInput = z
  .object({
    kind: z.enum(["openai-compatible", "anthropic"], {
      error: "kind must be openai-compatible or anthropic",
    }),
    baseUrl: z
      .url("base URL must be a URL such as http://127.0.0.1:8000/v1")
      .optional()
      .or(z.literal("")),
    model: z.string().trim().min(1, "name the model, e.g. gpt-4o-mini or qwen2.5-7b-instruct"),
    /** Omitted: keep the stored key. Empty string: remove it. */
    apiKey: z.string().optional(),
  })
  .refine((v) => v.kind === "anthropic" || Boolean(v.baseUrl), {
    message:
      "an OpenAI-compatible provider needs its base URL (OpenAI: https://api.openai.com/v1; vLLM, Ollama, llama.cpp: their /v1 URL)",
    path: ["baseUrl"],
  });

/** What the browser may see: never the key itself. */
export interface LlmSettingsView {
  kind: "openai-compatible" | "anthropic";
  baseUrl: string | null;
  model: string;
  hasApiKey: boolean;
  source: "workspace" | "environment";
}

/** Server-side: the provider to call, with its key decrypted (never leaves the server). */
export interface LlmProviderConfig {
  kind: "openai-compatible" | "anthropic";
  baseURL?: string;
  apiKey?: string;
  model: string;
}

function fromEnvironment(): LlmProviderConfig | null {
  const c = config();
  if (!c.ENVF_LLM_MODEL) return null;
  return {
    kind: c.ENVF_LLM_PROVIDER ?? "openai-compatible",
    baseURL: c.ENVF_LLM_BASE_URL,
    apiKey: c.ENVF_LLM_API_KEY,
    model: c.ENVF_LLM_MODEL,
  };
}

export async function getLlmSettings(actor: Actor, slug: string): Promise<LlmSettingsView | null> {
  const access = await authorize(actor, { slug }, "read");
  const row = await db().llmProvider.findUnique({ where: { workspaceId: access.workspace.id } });
  if (row) {
    return {
      kind: row.kind as LlmSettingsView["kind"],
      baseUrl: row.baseUrl,
      model: row.model,
      hasApiKey: Boolean(row.apiKeyEncrypted),
      source: "workspace",
    };
  }
  const env = fromEnvironment();
  return env
    ? {
        kind: env.kind,
        baseUrl: env.baseURL ?? null,
        model: env.model,
        hasApiKey: Boolean(env.apiKey),
        source: "environment",
      }
    : null;
}

export async function saveLlmSettings(
  actor: Actor,
  slug: string,
  input: unknown,
): Promise<LlmSettingsView> {
  const access = await authorize(actor, { slug }, "admin");
  const data = parseInput(llmSettingsInput, input);
  const apiKeyEncrypted =
    data.apiKey === undefined ? undefined : data.apiKey === "" ? null : encryptSecret(data.apiKey);
  const row = await db().llmProvider.upsert({
    where: { workspaceId: access.workspace.id },
    create: {
      workspaceId: access.workspace.id,
      kind: data.kind,
      baseUrl: data.baseUrl || null,
      model: data.model,
      apiKeyEncrypted: apiKeyEncrypted ?? null,
      updatedById: actor.userId,
    },
    update: {
      kind: data.kind,
      baseUrl: data.baseUrl || null,
      model: data.model,
      updatedById: actor.userId,
      ...(apiKeyEncrypted !== undefined ? { apiKeyEncrypted } : {}),
    },
  });
  return {
    kind: row.kind as LlmSettingsView["kind"],
    baseUrl: row.baseUrl,
    model: row.model,
    hasApiKey: Boolean(row.apiKeyEncrypted),
    source: "workspace",
  };
}

export async function clearLlmSettings(actor: Actor, slug: string) {
  const access = await authorize(actor, { slug }, "admin");
  await db().llmProvider.deleteMany({ where: { workspaceId: access.workspace.id } });
}

/** For jobs: the workspace's provider (or the server's ENVF_LLM_* settings), key decrypted. */
export async function resolveLlmProvider(workspaceId: string): Promise<LlmProviderConfig | null> {
  const row = await db().llmProvider.findUnique({ where: { workspaceId } });
  if (!row) return fromEnvironment();
  return {
    kind: row.kind as LlmProviderConfig["kind"],
    baseURL: row.baseUrl ?? undefined,
    apiKey: row.apiKeyEncrypted ? decryptSecret(row.apiKeyEncrypted) : undefined,
    model: row.model,
  };
}
