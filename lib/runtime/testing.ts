/** Helpers for tests that need small throw-away environments (here and in other modules). */

/**
 * Source of an environment with one tool `run` whose body is `body` (TypeScript, with `state`,
 * `args` and `ctx` in scope). The state and the tool's input and output accept any JSON.
 */
export function singleToolSource(
  body: string,
  options: { prelude?: string; initialState?: string } = {},
): string {
  return `import { defineEnvironment, s, ToolError } from "@envfactory/sdk";
${options.prelude ?? ""}
export default defineEnvironment({
  name: "probe",
  version: "1.0.0",
  description: "test probe",
  state: s.raw<any>({ type: "object" }),
  initialState: ${options.initialState ?? "{}"},
  tools: {
    run: {
      description: "probe",
      input: s.raw<any>({ type: "object" }),
      output: s.any(),
      run(state, args, ctx): any {
        ${body}
      },
    },
  },
});
`;
}
