import { readFile } from "node:fs/promises";
import { z } from "zod";
import { CliError, type Command } from "../command";
import {
  createSession,
  FAULT_PROFILE_NAMES,
  loadEnvironment,
  RuntimeError,
  RuntimeErrorCode,
  type FaultProfileName,
  type JsonValue,
  type StepRecord,
} from "@/lib/runtime";

const optionsSchema = z.object({
  seed: z
    .string()
    .regex(/^-?\d+$/, "--seed must be an integer")
    .transform(Number)
    .optional(),
  faults: z.enum(FAULT_PROFILE_NAMES as [FaultProfileName, ...FaultProfileName[]]).optional(),
  state: z.string().optional(),
});

async function readState(file: string): Promise<JsonValue> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch {
    throw new CliError(
      "state_not_found",
      `cannot read --state file ${file}; pass a JSON file with the state to start from`,
    );
  }
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    throw new CliError(
      "bad_state",
      `--state file ${file} is not JSON: ${(error as Error).message}`,
    );
  }
}

export const callCommand: Command = {
  name: "call",
  summary: "Call one tool of an environment package and print the step as JSON",
  usage: [
    "Usage: npm run envf -- call <envDir> <tool> '<json args>' [--state <file>] [--seed <n>] [--faults <profile>]",
    "",
    "Runs one tool call in the sandbox and prints one JSON object:",
    "{ observation, faults, patch, state, clockMs }. Exit code 0 when the observation is ok,",
    "1 when it is an error (still printed as JSON) or when the input cannot be used.",
    "",
    "Options:",
    "  --state <file>      start from the state in this JSON file (default: the environment's initial state)",
    "  --seed <n>          seed for the environment's randomness and for fault injection (default 0)",
    `  --faults <profile>  fault profile: ${FAULT_PROFILE_NAMES.join(", ")} (default none)`,
  ].join("\n"),
  options: { state: { type: "string" }, seed: { type: "string" }, faults: { type: "string" } },
  async run({ positionals, values }) {
    const [dir, tool, argsText = "{}"] = positionals;
    if (!dir || !tool || positionals.length > 3) {
      throw new CliError(
        "bad_arguments",
        `call takes <envDir> <tool> ['<json args>']\n\n${callCommand.usage}`,
      );
    }
    const parsed = optionsSchema.safeParse(values);
    if (!parsed.success)
      throw new CliError(
        "bad_arguments",
        parsed.error.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("; "),
      );
    const { seed, faults } = parsed.data;
    const initialState =
      parsed.data.state === undefined ? undefined : await readState(parsed.data.state);

    let env;
    try {
      env = await loadEnvironment({ dir });
    } catch (error) {
      if (error instanceof RuntimeError)
        throw new CliError(error.code.toLowerCase(), error.message);
      throw error;
    }
    let step: StepRecord;
    let state: JsonValue;
    try {
      const session = await createSession(env, { seed, faults, initialState });
      let args: unknown;
      try {
        args = JSON.parse(argsText);
      } catch (error) {
        const observation = {
          ok: false,
          error: {
            code: RuntimeErrorCode.INVALID_ARGUMENTS,
            message: `The arguments are not JSON: ${(error as Error).message}`,
          },
        };
        console.log(JSON.stringify({ observation, faults: [], patch: [], state: session.state() }));
        return 1;
      }
      step = session.stepSync(tool, args);
      state = session.state();
    } catch (error) {
      if (error instanceof RuntimeError)
        throw new CliError(error.code.toLowerCase(), error.message);
      throw error;
    } finally {
      env.dispose();
    }
    console.log(
      JSON.stringify({
        observation: step.observation,
        faults: step.faults,
        patch: step.patch,
        state,
        clockMs: step.clockMs,
      }),
    );
    return step.observation.ok ? 0 : 1;
  },
};
