import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** What an OpenAI-compatible client sends to `POST /v1/chat/completions` (the parts tests read). */
export interface ChatRequest {
  model: string;
  messages: {
    role: string;
    content: string | null;
    tool_calls?: { id: string; function: { name: string; arguments: string } }[];
    tool_call_id?: string;
  }[];
  tools?: {
    type: string;
    function: { name: string; parameters: { properties: Record<string, unknown> } };
  }[];
  headers: IncomingHttpHeaders;
}

/** One scripted answer: a tool call, a text reply, an HTTP error, or no answer at all. */
export type ScriptedReply =
  | { call: { name: string; args: Record<string, unknown> } }
  | { text: string }
  | { status: number; error: string }
  | { hang: true };

export interface ScriptedChatServer {
  /** e.g. `http://127.0.0.1:41234/v1` */
  baseUrl: string;
  /** Every chat request received, in order (with its headers). */
  requests: ChatRequest[];
  close(): Promise<void>;
}

/**
 * A local OpenAI-compatible chat server whose agent is a script: `reply(request)` decides each
 * answer from the conversation it was sent. Used by the LLM policy's unit test and the studio's
 * LLM evaluation-run integration test.
 */
export async function startScriptedChatServer(
  reply: (request: ChatRequest) => ScriptedReply,
): Promise<ScriptedChatServer> {
  const requests: ChatRequest[] = [];
  const server: Server = createServer(async (req, res) => {
    let body = "";
    for await (const chunk of req) body += chunk;
    if (req.method !== "POST" || req.url !== "/v1/chat/completions") {
      res.writeHead(404).end();
      return;
    }
    const request = { ...(JSON.parse(body) as Omit<ChatRequest, "headers">), headers: req.headers };
    requests.push(request);
    const answer = reply(request);
    if ("hang" in answer) return;
    if ("status" in answer) {
      res
        .writeHead(answer.status, { "content-type": "application/json" })
        .end(JSON.stringify({ error: { message: answer.error } }));
      return;
    }
    const message =
      "call" in answer
        ? {
            role: "assistant",
            content: null,
            tool_calls: [
              {
                id: `call_${requests.length}`,
                type: "function",
                function: { name: answer.call.name, arguments: JSON.stringify(answer.call.args) },
              },
            ],
          }
        : { role: "assistant", content: answer.text };
    res.writeHead(200, { "content-type": "application/json" }).end(
      JSON.stringify({
        id: `chatcmpl-${requests.length}`,
        object: "chat.completion",
        created: 0,
        model: request.model,
        choices: [{ index: 0, message, finish_reason: "call" in answer ? "tool_calls" : "stop" }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
