import path from "node:path";
import type ts from "typescript";
import { SDK_DTS } from "../sdk/dts.generated";
import type { Diagnostic } from "../types";

const ENV_FILE = "/env/environment.ts";
const SDK_FILE = "/sdk/index.d.ts";
const GLOBALS_FILE = "/sdk/globals.d.ts";
/** What the sandbox adds to the ECMAScript globals. */
const GLOBALS_DTS = `declare var console: { log(...a: unknown[]): void; info(...a: unknown[]): void; warn(...a: unknown[]): void; error(...a: unknown[]): void; debug(...a: unknown[]): void };`;

type TypeScript = typeof ts;

/** Loaded on first use: the compiler is large, and most importers of the runtime never need it. */
let compiler: Promise<TypeScript> | undefined;
function loadCompiler(): Promise<TypeScript> {
  compiler ??= import("typescript").then((m) => ("default" in m ? m.default : m) as TypeScript);
  return compiler;
}

const options = (ts: TypeScript): ts.CompilerOptions => ({
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ["lib.es2022.d.ts"],
  types: [],
  strict: true,
  noEmit: true,
  skipLibCheck: true,
  isolatedModules: true,
  baseUrl: "/",
  paths: { "@envfactory/sdk": [SDK_FILE] },
});

/** Lib and SDK files parse once per process; only the environment file is new on each check. */
const cache = new Map<string, ts.SourceFile>();
let previous: ts.Program | undefined;

function fixedFile(ts: TypeScript, fileName: string): ts.SourceFile | undefined {
  const cached = cache.get(fileName);
  if (cached) return cached;
  let text: string | undefined;
  if (fileName === SDK_FILE) text = SDK_DTS;
  else if (fileName === GLOBALS_FILE) text = GLOBALS_DTS;
  else text = ts.sys.readFile(fileName);
  if (text === undefined) return undefined;
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.ES2022, true);
  cache.set(fileName, file);
  return file;
}

function toDiagnostic(ts: TypeScript, d: ts.Diagnostic): Diagnostic {
  const severity: Diagnostic["severity"] =
    d.category === ts.DiagnosticCategory.Error
      ? "error"
      : d.category === ts.DiagnosticCategory.Warning
        ? "warning"
        : "info";
  const message = ts.flattenDiagnosticMessageText(d.messageText, "\n");
  if (!d.file || d.start === undefined) {
    return { line: 1, column: 1, endLine: 1, endColumn: 1, message, code: `TS${d.code}`, severity };
  }
  const start = d.file.getLineAndCharacterOfPosition(d.start);
  const end = d.file.getLineAndCharacterOfPosition(d.start + (d.length ?? 0));
  return {
    line: start.line + 1,
    column: start.character + 1,
    endLine: end.line + 1,
    endColumn: end.character + 1,
    message,
    code: `TS${d.code}`,
    severity,
  };
}

/** Type-checks environment source against the SDK (TypeScript 5.9); positions are 1-based. */
export async function typecheckEnvironment(source: string): Promise<Diagnostic[]> {
  const ts = await loadCompiler();
  const compilerOptions = options(ts);
  const libDir = path.dirname(ts.getDefaultLibFilePath(compilerOptions));
  const envFile = ts.createSourceFile(ENV_FILE, source, ts.ScriptTarget.ES2022, true);
  const host: ts.CompilerHost = {
    getSourceFile: (fileName) => (fileName === ENV_FILE ? envFile : fixedFile(ts, fileName)),
    getDefaultLibFileName: () => path.join(libDir, "lib.es2022.d.ts"),
    getDefaultLibLocation: () => libDir,
    writeFile: () => {},
    getCurrentDirectory: () => "/",
    getCanonicalFileName: (f) => f,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => "\n",
    fileExists: (f) =>
      f === ENV_FILE || f === SDK_FILE || f === GLOBALS_FILE || ts.sys.fileExists(f),
    readFile: (f) => (f === ENV_FILE ? source : f === SDK_FILE ? SDK_DTS : ts.sys.readFile(f)),
    directoryExists: (d) => d === "/" || d === "/env" || d === "/sdk" || ts.sys.directoryExists(d),
  };
  const program = ts.createProgram([ENV_FILE, GLOBALS_FILE], compilerOptions, host, previous);
  previous = program;
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...program.getSyntacticDiagnostics(envFile),
    ...program.getSemanticDiagnostics(envFile),
  ];
  return diagnostics.map((d) => toDiagnostic(ts, d));
}
