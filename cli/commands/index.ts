import type { Command } from "../command";

/** Every `envf` command, in the order `envf --help` lists them. Add new commands here. */
export const commands: Command[] = [];
