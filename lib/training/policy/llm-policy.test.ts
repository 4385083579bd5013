import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedEnvironment } from "@/lib/runtime";
import { evaluate } from "../evaluate";
import { BANK_TASKS, loadBank } from "../testing/bank-tasks";
import { chatModel } from "./llm-models";
import { llmPolicy } from "./llm-policy";

interface ChatRequest {
  model: string;
  messages: {
    role: string;
    content: string | null;
    tool_calls?: unknown[];
    tool_call_id?: string;
  }[];
  tools?: {
    type: string;
    function: { name: string; parameters: { properties: Record<string, unknown> } };
  }[];
}

/**
 * An OpenAI-compatible chat server with a scripted agent: the first turn calls `deposit` with
 * the task's arguments, and once a tool result is in the conversation it answers in text.
 */
function scriptedServer(requests: ChatRequest[], options: { fail?: boolean } = {}): Server {
  return createServer(async (req: IncomingMessage, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    if (options.fail) {
      res
        .writeHead(500, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: "model crashed" } }));
      return;
    }
    const request = JSON.parse(body) as ChatRequest;
    requests.push(request);
    const called = request.messages.some((m) => m.role === "tool");
    const message = called
      ? { role: "assistant", content: "Deposited." }
      : {
          role: "assistant",
          content: null,
          tool_calls: [
            {
              id: "call_1",
              type: "function",
              function: {
                name: "deposit",
                arguments: JSON.stringify({ account_id: "acc_bob", amount: 250 }),
              },
            },
          ],
        };
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: 0,
        model: request.model,
        choices: [{ index: 0, message, finish_reason: called ? "stop" : "tool_calls" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
}

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
}

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadBank();
});
afterAll(() => env.dispose());

const depositTask = BANK_TASKS.filter((t) => t.id === "bank-01");

describe("LLM agent through an OpenAI-compatible server", () => {
  it("calls the environment's tools, reads the results and finishes with its reply", async () => {
    const requests: ChatRequest[] = [];
    const server = scriptedServer(requests);
    const baseUrl = await listen(server);
    try {
      const policy = llmPolicy({ model: chatModel({ model: "scripted", baseUrl, maxRetries: 0 }) });
      const report = await evaluate({
        env,
        tasks: depositTask,
        policy,
        trials: 1,
        faultProfile: "none",
        maxSteps: 5,
        seed: 1,
      });
      expect(report.clean.successRate).toBe(1);
      expect(requests).toHaveLength(2);
      // The model was offered every tool with its JSON Schema, and saw the instruction.
      expect(requests[0].tools?.map((t) => t.function.name)).toEqual(
        env.manifest.tools.map((t) => t.name),
      );
      expect(
        Object.keys(
          requests[0].tools!.find((t) => t.function.name === "deposit")!.function.parameters
            .properties,
        ),
      ).toEqual(["account_id", "amount"]);
      expect(requests[0].messages.at(-1)?.content).toBe(depositTask[0].instruction);
      // Its second turn carried the tool's real observation.
      const toolTurn = requests[1].messages.find((m) => m.role === "tool");
      expect(JSON.parse(toolTurn!.content!)).toMatchObject({ ok: true, result: { balance: 2750 } });
    } finally {
      server.close();
    }
  });

  it("reports a failing model as LLM_FAILED", async () => {
    const server = scriptedServer([], { fail: true });
    const baseUrl = await listen(server);
    try {
      const policy = llmPolicy({ model: chatModel({ model: "scripted", baseUrl, maxRetries: 0 }) });
      await expect(
        evaluate({
          env,
          tasks: depositTask,
          policy,
          trials: 1,
          faultProfile: "none",
          maxSteps: 5,
          seed: 1,
        }),
      ).rejects.toMatchObject({ code: "LLM_FAILED" });
    } finally {
      server.close();
    }
  });
});
