import { build, type Message } from "esbuild";
import { SDK_JS } from "../sdk/bundle.generated";
import type { Diagnostic } from "../types";

export const SDK_SPECIFIER = "@envfactory/sdk";
/** The global name the compiled IIFE assigns its module namespace to. */
export const MODULE_GLOBAL = "__envModule";

export type CompileResult = { ok: true; code: string } | { ok: false; diagnostics: Diagnostic[] };

function toDiagnostic(message: Message, severity: Diagnostic["severity"]): Diagnostic {
  const loc = message.location;
  const line = loc?.line ?? 1;
  const column = (loc?.column ?? 0) + 1;
  return {
    line,
    column,
    endLine: line,
    endColumn: column + Math.max(1, loc?.length ?? 1),
    message: message.text,
    code: `esbuild${message.id ? `:${message.id}` : ""}`,
    severity,
  };
}

/**
 * Compiles `environment.ts` to one script with the SDK bundled in. Only `@envfactory/sdk` may
 * be imported: the sandbox has no modules of its own.
 */
export async function compileEnvironment(source: string): Promise<CompileResult> {
  try {
    const out = await build({
      stdin: { contents: source, loader: "ts", sourcefile: "environment.ts" },
      bundle: true,
      format: "iife",
      globalName: MODULE_GLOBAL,
      platform: "neutral",
      target: "es2020",
      write: false,
      logLevel: "silent",
      legalComments: "none",
      plugins: [
        {
          name: "envfactory-sdk-only",
          setup(b) {
            b.onResolve({ filter: /.*/ }, (args) => {
              if (args.path === SDK_SPECIFIER)
                return { path: SDK_SPECIFIER, namespace: "envf-sdk" };
              if (args.kind === "entry-point") return undefined;
              return {
                errors: [
                  {
                    text: `Cannot import "${args.path}": environment code may only import "${SDK_SPECIFIER}"`,
                  },
                ],
              };
            });
            b.onLoad({ filter: /.*/, namespace: "envf-sdk" }, () => ({
              contents: SDK_JS,
              loader: "js",
            }));
          },
        },
      ],
    });
    return { ok: true, code: out.outputFiles[0].text };
  } catch (error) {
    const failure = error as { errors?: Message[] };
    if (!failure.errors) throw error;
    return { ok: false, diagnostics: failure.errors.map((m) => toDiagnostic(m, "error")) };
  }
}
