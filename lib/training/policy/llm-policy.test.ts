import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { LoadedEnvironment } from "@/lib/runtime";
import { evaluate } from "../evaluate";
import { BANK_TASKS, loadBank } from "../testing/bank-tasks";
import {
  type ChatRequest,
  type ScriptedReply,
  startScriptedChatServer,
} from "../testing/scripted-chat-server";
import { chatModel } from "./llm-models";
import { llmPolicy } from "./llm-policy";

/**
 * The scripted agent: the first turn calls `deposit` with the task's arguments, and once a tool
 * result is in the conversation it answers in text.
 */
function depositAgent(request: ChatRequest): ScriptedReply {
  return request.messages.some((m) => m.role === "tool")
    ? { text: "Deposited." }
    : { call: { name: "deposit", args: { account_id: "acc_bob", amount: 250 } } };
}

let env: LoadedEnvironment;
beforeAll(async () => {
  env = await loadBank();
});
afterAll(() => env.dispose());

const depositTask = BANK_TASKS.filter((t) => t.id === "bank-01");

describe("LLM agent through an OpenAI-compatible server", () => {
  it("calls the environment's tools, reads the results and finishes with its reply", async () => {
    const server = await startScriptedChatServer(depositAgent);
    const { baseUrl, requests } = server;
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
      await server.close();
    }
  });

  it("reports a failing model as LLM_FAILED", async () => {
    const server = await startScriptedChatServer(() => ({
      status: 500,
      error: "model crashed",
    }));
    const { baseUrl } = server;
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
      await server.close();
    }
  });
});
