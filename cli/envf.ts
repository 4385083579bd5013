#!/usr/bin/env node
import { CliError, parseCommandArgs } from "./command";
import { commands } from "./commands/index";

function help(): string {
  const width = Math.max(...commands.map((c) => c.name.length), 4);
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    "envf — EnvFactory Studio command line",
    "",
    "Usage: npm run envf -- <command> [options]",
    "",
    "Commands:",
    ...(lines.length ? lines : ["  (none yet)"]),
    "",
    "Run `npm run envf -- <command> --help` for a command's options.",
  ].join("\n");
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    console.log(help());
    return 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    console.error(
      `error[unknown_command]: no command "${name}". Run \`npm run envf -- --help\` to list commands.`,
    );
    return 2;
  }
  try {
    const parsed = parseCommandArgs(command, rest);
    if (parsed.values.help) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(parsed);
  } catch (error) {
    if (error instanceof CliError) {
      console.error(`error[${error.code}]: ${error.message}`);
      return error.exitCode;
    }
    if (
      error instanceof TypeError &&
      "code" in error &&
      String(error.code).startsWith("ERR_PARSE_ARGS")
    ) {
      console.error(`error[bad_arguments]: ${error.message}\n\n${command.usage}`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
