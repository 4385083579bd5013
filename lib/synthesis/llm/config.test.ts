import { describe, expect, it } from "vitest";
import { SynthesisError } from "../errors";
import { llmConfigFromEnv } from "./config";

describe("llmConfigFromEnv", () => {
  it("reads the ENVF_LLM_* variables, defaulting to an OpenAI-compatible server", () => {
    expect(
      llmConfigFromEnv({ ENVF_LLM_BASE_URL: "http://127.0.0.1:8000/v1", ENVF_LLM_MODEL: "qwen" }),
    ).toEqual({
      kind: "openai-compatible",
      baseURL: "http://127.0.0.1:8000/v1",
      model: "qwen",
    });
    expect(
      llmConfigFromEnv({
        ENVF_LLM_PROVIDER: "anthropic",
        ENVF_LLM_MODEL: "claude",
        ENVF_LLM_API_KEY: "k",
      }),
    ).toMatchObject({
      kind: "anthropic",
      apiKey: "k",
    });
  });

  it("names the variable to fix when the settings are unusable", () => {
    const attempt = (env: Record<string, string>) => {
      try {
        llmConfigFromEnv(env);
      } catch (error) {
        return error as SynthesisError;
      }
      throw new Error("expected a SynthesisError");
    };
    const missing = attempt({});
    expect(missing.code).toBe("LLM_MISCONFIGURED");
    expect(missing.message).toContain("ENVF_LLM_MODEL: a model name is required");
    expect(attempt({ ENVF_LLM_MODEL: "m", ENVF_LLM_BASE_URL: "localhost:8000" }).message).toContain(
      "ENVF_LLM_BASE_URL",
    );
    expect(attempt({ ENVF_LLM_MODEL: "m", ENVF_LLM_PROVIDER: "gemini" }).message).toContain(
      "ENVF_LLM_PROVIDER",
    );
  });
});
