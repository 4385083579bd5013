import {
  compareManifests,
  loadEnvironment,
  RuntimeError,
  runSelfTests,
  typecheckEnvironment,
  type Diagnostic,
  type EnvironmentPackage,
  type Manifest,
  type SelfTestResult,
} from "@/lib/runtime";

/**
 * Checks are about correctness, not speed: a generous call deadline keeps a busy machine from
 * turning a slow call into a failed self-test (the runtime's default is 50 ms).
 */
export const VERIFY_LIMITS = { timeoutMs: 2_000 };

/** Everything known about one package after checking it. */
export interface VerifyReport {
  /** Compiles, type-checks, matches its manifest and passes every self-test. */
  ok: boolean;
  /** Type errors and compile errors (1-based positions in environment.ts). */
  diagnostics: Diagnostic[];
  /** Why the code did not load in the sandbox, if it did not. */
  loadError?: string;
  /** The manifest the code declares (when it loaded). */
  manifest?: Manifest;
  /** Differences between manifest.json and the manifest the code declares. */
  manifestProblems: string[];
  selfTests: SelfTestResult[];
  passed: number;
  total: number;
}

/**
 * Check a package the way the runtime's `check` does: type-check against the SDK, compile and
 * load in the sandbox, compare the manifest, run the self-tests. Never throws for problems in
 * the package itself; they are all in the report.
 */
export async function verifyPackage(pkg: EnvironmentPackage): Promise<VerifyReport> {
  const diagnostics = (await typecheckEnvironment(pkg.source)).filter(
    (d) => d.severity === "error",
  );
  const tests = pkg.tests?.tests ?? [];
  const report: VerifyReport = {
    ok: false,
    diagnostics,
    manifestProblems: [],
    selfTests: [],
    passed: 0,
    total: tests.length,
  };
  let env;
  try {
    env = await loadEnvironment({ source: pkg.source }, { limits: VERIFY_LIMITS });
  } catch (error) {
    if (!(error instanceof RuntimeError)) throw error;
    report.loadError = error.message;
    for (const d of error.diagnostics)
      if (!diagnostics.some((e) => e.line === d.line && e.message === d.message))
        diagnostics.push(d);
    return report;
  }
  try {
    report.manifest = env.manifest;
    if (pkg.manifest) report.manifestProblems = compareManifests(pkg.manifest, env.manifest);
    report.selfTests = await runSelfTests(env, tests);
  } finally {
    env.dispose();
  }
  report.passed = report.selfTests.filter((t) => t.passed).length;
  report.ok =
    diagnostics.length === 0 &&
    report.manifestProblems.length === 0 &&
    report.passed === report.total;
  return report;
}

/** A short human summary of a report, one problem per line (for the CLI and LLM feedback). */
export function describeReport(report: VerifyReport, limit = 30): string {
  const lines: string[] = [];
  for (const d of report.diagnostics)
    lines.push(`environment.ts:${d.line}:${d.column} ${d.code} ${d.message}`);
  if (report.loadError) lines.push(`load: ${report.loadError}`);
  for (const problem of report.manifestProblems) lines.push(`manifest: ${problem}`);
  for (const test of report.selfTests)
    if (!test.passed) lines.push(`test "${test.name}": ${test.failures.join("; ")}`);
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more`);
  return shown.join("\n");
}
