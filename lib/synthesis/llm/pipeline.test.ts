import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { SynthesisError } from "../errors";
import type { SynthesisEvent } from "./events";
import { extractCode } from "./extract";
import { synthesizeFromDescription } from "./pipeline";
import { exampleSpec } from "./prompts";

type ChatMessage = { role: string; content: string };
type Reply = (messages: ChatMessage[]) => string;

/**
 * A scripted OpenAI-compatible server: POST /v1/chat/completions answers spec requests and
 * code requests from two scripts, in order, and records every request body.
 */
async function scriptedServer(script: { spec: Reply[]; code: Reply[] }) {
  const requests: { stage: "spec" | "code"; messages: ChatMessage[] }[] = [];
  const served = { spec: 0, code: 0 };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (chunk) => (body += chunk));
    req.on("end", () => {
      if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
        res.writeHead(404).end();
        return;
      }
      const { messages } = JSON.parse(body) as { messages: ChatMessage[] };
      const stage = messages[0].content.includes("You design domain specs") ? "spec" : "code";
      requests.push({ stage, messages });
      const reply = script[stage][served[stage]++];
      const content = reply ? reply(messages) : "I have nothing more to say.";
      res.setHeader("content-type", "application/json");
      res.end(
        JSON.stringify({
          id: `chatcmpl-${requests.length}`,
          object: "chat.completion",
          created: 1_700_000_000,
          model: "scripted",
          choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop" }],
          usage: { prompt_tokens: 100, completion_tokens: 50, total_tokens: 150 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  servers.push(server);
  return { url, requests };
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

const provider = (baseURL: string) => ({
  provider: { kind: "openai-compatible" as const, baseURL, model: "scripted", maxRetries: 0 },
});
const json = (value: unknown) =>
  `Here is the spec.\n\`\`\`json\n${JSON.stringify(value, null, 1)}\n\`\`\``;
const ts = (code: string) => `\`\`\`ts\n${code}\n\`\`\``;
/** The generated environment the pipeline sends in its first code request. */
const baselineOf = (messages: ChatMessage[]) => extractCode(messages[1].content)!;
const DESCRIPTION = "A small retail bank: customers open accounts after KYC, and withdraw money.";

describe("synthesizeFromDescription through ChatOpenAI and a local OpenAI-compatible server", () => {
  it("repairs the spec and the code from the diagnostics it sends back, then publishes", async () => {
    const badSpec = {
      ...exampleSpec(),
      actions: exampleSpec().actions.map((a, i) => (i === 0 ? { ...a, entity: "Acount" } : a)),
    };
    const brokenLine = 'const leftover: number = "not a number";';
    const { url, requests } = await scriptedServer({
      spec: [() => json(badSpec), () => json(exampleSpec())],
      code: [
        (messages) => ts(`${baselineOf(messages)}\n${brokenLine}\n`),
        (messages) => ts(baselineOf(messages).replaceAll("Read an account", "Read one account")),
      ],
    });
    const events: SynthesisEvent[] = [];
    const result = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider(url),
      onEvent: (e) => events.push(e),
    });

    expect(result.status).toBe("published");
    expect(events.map((e) => `${e.stage}${"status" in e ? `:${e.status}` : ""}`)).toEqual([
      "spec:invalid",
      "spec:valid",
      "baseline",
      "code",
      "verify",
      "code",
      "verify",
      "done:published",
    ]);
    // The spec problems, with their paths, went back to the model.
    const specRepair = requests.filter((r) => r.stage === "spec")[1].messages.at(-1)!.content;
    expect(specRepair).toContain('actions[0].entity: unknown entity "Acount"');
    // The type error went back to the model, which then fixed it.
    const [first, second] = result.attempts;
    expect(first.ok).toBe(false);
    expect(first.diagnostics.map((d) => d.code)).toContain("TS2322");
    const codeRepair = requests.filter((r) => r.stage === "code")[1].messages.at(-1)!.content;
    expect(codeRepair).toContain("TS2322");
    expect(codeRepair).toContain("Type 'string' is not assignable to type 'number'");
    expect(second.ok).toBe(true);
    expect(second.passed).toBe(second.total);
    expect(result.pkg!.source).toContain("Read one account");
    expect(result.pkg!.manifest!.tools.find((t) => t.name === "get_account")!.description).toBe(
      "Read one account, including its balance and status.",
    );
    expect(result.tokens.total).toBe(150 * 4);
  });

  it("stops after the allowed attempts when the code never passes, recording each one", async () => {
    const { url } = await scriptedServer({
      spec: [() => json(exampleSpec())],
      code: [
        (messages) => ts(baselineOf(messages).replace("export default", "export default export")),
        (messages) =>
          ts(
            baselineOf(messages)
              .replace('ToolError("KYC_REQUIRED"', 'ToolError("KYC_MISSING"')
              .replace('ToolError("INSUFFICIENT_FUNDS"', 'ToolError("NO_FUNDS"'),
          ),
        (messages) =>
          ts(baselineOf(messages).replace('ToolError("KYC_REQUIRED"', 'ToolError("KYC_MISSING"')),
      ],
    });
    const events: SynthesisEvent[] = [];
    const result = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider(url),
      maxAttempts: 3,
      onEvent: (e) => events.push(e),
    });

    expect(result.status).toBe("failed");
    expect(result.pkg).toBeUndefined();
    expect(result.attempts.map((a) => a.attempt)).toEqual([1, 2, 3]);
    const total = result.attempts[0].total;
    expect(result.attempts.map((a) => a.passed)).toEqual([0, total - 2, total - 1]);
    expect(result.attempts[0].summary).toMatch(/environment\.ts:\d+:\d+/);
    expect(result.attempts[2].failedTests.map((t) => t.name)).toEqual([
      "open_account raises KYC_REQUIRED",
    ]);
    for (const attempt of result.attempts) {
      expect(attempt.code).toContain("defineEnvironment");
      expect(attempt.tokens.total).toBe(150);
      expect(attempt.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(result.best?.attempt).toBe(3);
    expect(events.at(-1)).toMatchObject({ stage: "done", status: "failed", attempts: 3 });
  });

  it("stops early when an attempt passes no more self-tests than the one before", async () => {
    const { url } = await scriptedServer({
      spec: [() => json(exampleSpec())],
      code: [
        (messages) =>
          ts(baselineOf(messages).replace('ToolError("KYC_REQUIRED"', 'ToolError("KYC_MISSING"')),
        (messages) =>
          ts(
            baselineOf(messages)
              .replace('ToolError("KYC_REQUIRED"', 'ToolError("KYC_MISSING"')
              .replace('ToolError("INSUFFICIENT_FUNDS"', 'ToolError("NO_FUNDS"'),
          ),
      ],
    });
    const result = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider(url),
      maxAttempts: 3,
    });
    expect(result.status).toBe("failed");
    expect(result.attempts).toHaveLength(2);
    expect(result.best?.attempt).toBe(1);
  });

  it("gives up with SPEC_INVALID when the spec stays invalid after the repairs", async () => {
    const { url, requests } = await scriptedServer({
      spec: [() => "no JSON here", () => json({ specVersion: 1 }), () => json({ specVersion: 1 })],
      code: [],
    });
    const error = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider(url),
      specRepairs: 2,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthesisError);
    expect((error as SynthesisError).code).toBe("SPEC_INVALID");
    expect((error as SynthesisError).message).toContain("entities: expected array");
    expect(requests).toHaveLength(3);
  });

  it("fails with LLM_UNREACHABLE, naming the URL and the setting to check, when nothing listens", async () => {
    const events: SynthesisEvent[] = [];
    const error = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider("http://127.0.0.1:9/v1"),
      onEvent: (e) => events.push(e),
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SynthesisError);
    expect((error as SynthesisError).code).toBe("LLM_UNREACHABLE");
    expect((error as SynthesisError).message).toContain(
      "LLM_UNREACHABLE: could not reach http://127.0.0.1:9/v1 — check ENVF_LLM_BASE_URL",
    );
    expect(events).toEqual([]);
  });

  it("can be cancelled with an AbortSignal", async () => {
    const controller = new AbortController();
    const { url } = await scriptedServer({
      spec: [
        () => {
          controller.abort();
          return json(exampleSpec());
        },
      ],
      code: [],
    });
    const error = await synthesizeFromDescription({
      description: DESCRIPTION,
      source: provider(url),
      signal: controller.signal,
    }).catch((e: unknown) => e);
    expect((error as SynthesisError).code).toBe("SYNTHESIS_CANCELLED");
  });
});
