import path from "node:path";

/** The example packages shipped with the runtime (used by other modules' tests). */
export const EXAMPLE_NAMES = ["bank", "tracker", "store"] as const;
export type ExampleName = (typeof EXAMPLE_NAMES)[number];

/**
 * Where the examples live. Resolved from the working directory (the project root) because
 * bundlers move compiled code away from its source folder.
 */
export const EXAMPLES_DIR = path.join(process.cwd(), "lib/runtime/examples");

export function exampleDir(name: ExampleName): string {
  return path.join(EXAMPLES_DIR, name);
}
