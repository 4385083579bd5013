import { beforeAll, expect, it } from "vitest";
import { db } from "@/lib/server/db/client";
import {
  getLlmSettings,
  resolveLlmProvider,
  saveLlmSettings,
} from "@/lib/server/services/llm-settings";
import { workspaceWithRoles } from "./support/fixtures";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET ??= "a-test-secret-that-is-long-enough-0123456789";
});

it("an API key is stored encrypted, never returned to the browser, and decrypted only for jobs", async () => {
  const ws = await workspaceWithRoles();
  const key = "sk-test-THIS-MUST-NOT-LEAK";
  const view = await saveLlmSettings(ws.owner, ws.slug, {
    kind: "openai-compatible",
    baseUrl: "http://127.0.0.1:8000/v1",
    model: "local-model",
    apiKey: key,
  });
  expect(view).toEqual({
    kind: "openai-compatible",
    baseUrl: "http://127.0.0.1:8000/v1",
    model: "local-model",
    hasApiKey: true,
    source: "workspace",
  });
  expect(JSON.stringify(await getLlmSettings(ws.viewer, ws.slug))).not.toContain(key);

  const row = await db().llmProvider.findUniqueOrThrow({ where: { workspaceId: ws.workspace.id } });
  expect(row.apiKeyEncrypted).not.toContain(key);
  expect(row.apiKeyEncrypted).toMatch(/^v1:/);

  expect((await resolveLlmProvider(ws.workspace.id))?.apiKey).toBe(key);

  // Saving without a key keeps the stored one.
  await saveLlmSettings(ws.owner, ws.slug, {
    kind: "openai-compatible",
    baseUrl: "http://127.0.0.1:9000/v1",
    model: "other",
  });
  expect((await resolveLlmProvider(ws.workspace.id))?.apiKey).toBe(key);
});

it("only owners change the provider, and bad settings say what to fix", async () => {
  const ws = await workspaceWithRoles();
  await expect(
    saveLlmSettings(ws.editor, ws.slug, { kind: "anthropic", model: "claude" }),
  ).rejects.toThrow(/this needs owner/);
  await expect(
    saveLlmSettings(ws.owner, ws.slug, { kind: "openai-compatible", model: "m" }),
  ).rejects.toThrow(/baseUrl: an OpenAI-compatible provider needs its base URL/);
});
