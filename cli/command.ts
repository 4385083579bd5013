import { parseArgs, type ParseArgsConfig } from "node:util";

/** One `envf` sub-command. `run` returns the process exit code. */
export interface Command {
  name: string;
  /** One line shown by `envf --help`. */
  summary: string;
  /** Full usage text shown by `envf <name> --help`. */
  usage: string;
  options?: ParseArgsConfig["options"];
  run(args: { positionals: string[]; values: Record<string, unknown> }): Promise<number>;
}

/** A user-facing CLI failure: printed as `error[code]: message`, exit code 1 (or `exitCode`). */
export class CliError extends Error {
  constructor(
    public readonly code: string,
    message: string,
    public readonly exitCode = 1,
  ) {
    super(message);
  }
}

export function parseCommandArgs(command: Command, argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    options: { ...command.options, help: { type: "boolean", short: "h" } },
    allowPositionals: true,
    strict: true,
  });
  return { values: values as Record<string, unknown>, positionals };
}
