import type { Command } from "../command";
import { callCommand } from "./call";
import { checkCommand } from "./check";
import { galleryCommand } from "./gallery";
import { synthCommand } from "./synth";
import { tasksCommand } from "./tasks";
import { trainCommand } from "./train";
import { evalCommand } from "./eval";

/** Every `envf` command, in the order `envf --help` lists them. Add new commands here. */
export const commands: Command[] = [
  checkCommand,
  callCommand,
  synthCommand,
  galleryCommand,
  tasksCommand,
  trainCommand,
  evalCommand,
];
