import path from "node:path";
import { CliError, type Command } from "../command";
import {
  compareManifests,
  compileEnvironment,
  loadEnvironment,
  loadPackage,
  PACKAGE_FILES,
  RuntimeError,
  runSelfTests,
  typecheckEnvironment,
  writePackage,
  type Diagnostic,
} from "@/lib/runtime";

function formatDiagnostic(file: string, d: Diagnostic): string {
  return `${file}:${d.line}:${d.column} ${d.severity} ${d.code}: ${d.message}`;
}

async function readPackage(dir: string) {
  try {
    return await loadPackage(dir);
  } catch (error) {
    if (error instanceof RuntimeError) throw new CliError(error.code.toLowerCase(), error.message);
    throw error;
  }
}

export const checkCommand: Command = {
  name: "check",
  summary: "Compile, type-check and self-test an environment package",
  usage: [
    "Usage: npm run envf -- check <envDir> [--write-manifest]",
    "",
    "Compiles environment.ts, type-checks it against @envfactory/sdk, checks that manifest.json",
    "matches the code, and runs tests.json in the sandbox. Exits 1 when anything fails.",
    "",
    "Options:",
    "  --write-manifest  write manifest.json from the code instead of comparing it",
  ].join("\n"),
  options: { "write-manifest": { type: "boolean" } },
  async run({ positionals, values }) {
    const [dir] = positionals;
    if (!dir || positionals.length > 1)
      throw new CliError(
        "bad_arguments",
        "check takes exactly one argument: the environment package directory",
      );
    const pkg = await readPackage(dir);
    const file = path.join(dir, PACKAGE_FILES.source);
    const lines: string[] = [`Checking ${dir}`];
    let failed = false;
    const fail = (line: string, details: string[] = []) => {
      failed = true;
      lines.push(`  ✗ ${line}`, ...details.map((d) => `      ${d}`));
    };

    const compiled = await compileEnvironment(pkg.source);
    if (!compiled.ok)
      fail(
        "compile failed",
        compiled.diagnostics.map((d) => formatDiagnostic(file, d)),
      );
    else lines.push("  ✓ compiled");

    const typeErrors = await typecheckEnvironment(pkg.source);
    const errors = typeErrors.filter((d) => d.severity === "error");
    if (errors.length > 0)
      fail(
        `type-check: ${errors.length} error(s)`,
        typeErrors.map((d) => formatDiagnostic(file, d)),
      );
    else lines.push("  ✓ type-check against @envfactory/sdk: no errors");

    if (compiled.ok) {
      try {
        const env = await loadEnvironment({ package: pkg });
        lines.push(
          `  ✓ loaded in the sandbox: ${env.manifest.name}@${env.manifest.version}, ${env.manifest.tools.length} tools`,
        );
        if (values["write-manifest"]) {
          await writePackage(dir, { source: pkg.source, manifest: env.manifest });
          lines.push(`  ✓ wrote ${PACKAGE_FILES.manifest}`);
        } else if (!pkg.manifest) {
          fail(`no ${PACKAGE_FILES.manifest}`, [
            "run again with --write-manifest to create it from the code",
          ]);
        } else {
          const problems = compareManifests(pkg.manifest, env.manifest);
          if (problems.length > 0)
            fail(`${PACKAGE_FILES.manifest} does not match the code`, [
              ...problems,
              "run again with --write-manifest to update it",
            ]);
          else lines.push(`  ✓ ${PACKAGE_FILES.manifest} matches the code`);
        }
        const tests = pkg.tests?.tests ?? [];
        if (tests.length === 0) {
          lines.push(`  - no self-tests (${PACKAGE_FILES.tests})`);
        } else {
          const results = await runSelfTests(env, tests);
          const passed = results.filter((r) => r.passed).length;
          if (passed < results.length) fail(`self-tests: ${passed}/${results.length} passed`);
          else lines.push(`  ✓ self-tests: ${passed}/${results.length} passed`);
          for (const result of results) {
            lines.push(
              `      ${result.passed ? "✓" : "✗"} ${result.name}`,
              ...result.failures.map((f) => `          ${f}`),
            );
          }
        }
        env.dispose();
      } catch (error) {
        if (!(error instanceof RuntimeError)) throw error;
        fail(`the environment does not load: ${error.code}`, [error.message]);
      }
    }
    lines.push(failed ? "FAILED" : "OK");
    (failed ? console.error : console.log)(lines.join("\n"));
    return failed ? 1 : 0;
  },
};
