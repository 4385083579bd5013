"use client";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Badge, Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { FormError } from "@/components/ui/field";
import type { AttemptView } from "./types";

const CodeEditor = dynamic(
  () => import("@/components/editor/code-editor").then((m) => m.CodeEditor),
  {
    ssr: false,
    loading: () => (
      <div className="grid h-full place-items-center text-sm text-muted">Loading editor…</div>
    ),
  },
);

interface Problem {
  path?: string;
  line?: number;
  column?: number;
  code?: string;
  message?: string;
}

const problemsOf = (attempt: AttemptView): Problem[] =>
  Array.isArray(attempt.diagnostics) ? (attempt.diagnostics as Problem[]) : [];

const stageLabel = (stage: string) =>
  stage === "spec" ? "spec draft" : stage === "verify" ? "code" : stage;

/** The recorded attempts of an LLM synthesis: what the model wrote and why each one failed. */
export function AttemptViewer({ jobId, refreshKey }: { jobId: string; refreshKey: string }) {
  const { slug } = useWorkspace();
  const [attempts, setAttempts] = useState<AttemptView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<string | null>(null);

  useEffect(() => {
    let stale = false;
    api<AttemptView[]>(`/api/workspaces/${slug}/jobs/${jobId}/attempts`)
      .then((rows) => !stale && setAttempts(rows))
      .catch((e: Error) => !stale && setError(e.message));
    return () => {
      stale = true;
    };
  }, [slug, jobId, refreshKey]);

  if (error) return <FormError message={error} />;
  if (!attempts) return <p className="text-xs text-muted">Loading attempts…</p>;
  if (attempts.length === 0) return <p className="text-xs text-muted">No attempts recorded yet.</p>;
  const open = attempts.find((a) => a.id === openId);
  return (
    <div className="space-y-3" data-testid="attempts">
      <table className="w-full text-left text-xs">
        <thead className="text-muted">
          <tr className="border-b border-border">
            <th className="py-1.5 pr-3 font-medium">Attempt</th>
            <th className="py-1.5 pr-3 font-medium">Result</th>
            <th className="py-1.5 pr-3 font-medium">Tests</th>
            <th className="py-1.5 pr-3 font-medium">Problems</th>
            <th className="py-1.5 pr-3 text-right font-medium">Tokens in / out</th>
            <th className="py-1.5 text-right font-medium">Latency</th>
          </tr>
        </thead>
        <tbody>
          {attempts.map((a) => (
            <tr
              key={a.id}
              className={cn(
                "cursor-pointer border-b border-border/60 hover:bg-surface-2",
                a.id === openId && "bg-surface-2",
              )}
              onClick={() => setOpenId(a.id === openId ? null : a.id)}
            >
              <td className="py-1.5 pr-3">
                <button
                  type="button"
                  className="font-medium underline-offset-2 hover:underline"
                  aria-expanded={a.id === openId}
                >
                  {stageLabel(a.stage)} #{a.attempt}
                </button>
              </td>
              <td className="py-1.5 pr-3">
                <Badge tone={a.passed ? "success" : "danger"}>
                  {a.passed ? "passed" : "failed"}
                </Badge>
              </td>
              <td className="py-1.5 pr-3 tabular-nums">
                {a.testResults?.total !== undefined
                  ? `${a.testResults.passed}/${a.testResults.total}`
                  : "—"}
              </td>
              <td className="py-1.5 pr-3 tabular-nums">{problemsOf(a).length}</td>
              <td className="py-1.5 pr-3 text-right tabular-nums">
                {a.tokensIn.toLocaleString()} / {a.tokensOut.toLocaleString()}
              </td>
              <td className="py-1.5 text-right tabular-nums">
                {(a.latencyMs / 1000).toFixed(1)} s
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {open && <AttemptDetail attempt={open} />}
    </div>
  );
}

function AttemptDetail({ attempt }: { attempt: AttemptView }) {
  const problems = problemsOf(attempt);
  const failed = attempt.testResults?.failed ?? [];
  return (
    <div className="grid gap-3 xl:grid-cols-[minmax(0,1fr)_360px]" data-testid="attempt-detail">
      {attempt.source ? (
        <Card className="h-[420px] overflow-hidden">
          <CodeEditor
            value={attempt.source}
            language="typescript"
            path={`file:///attempts/${attempt.id}/environment.ts`}
            readOnly
          />
        </Card>
      ) : (
        <Card className="grid place-items-center p-6 text-sm text-muted">
          {attempt.stage === "spec"
            ? "A spec draft: its problems are listed beside."
            : "The model's answer held no code."}
        </Card>
      )}
      <div className="min-w-0 space-y-3 text-xs">
        <section>
          <h4 className="mb-1 font-medium">Diagnostics ({problems.length})</h4>
          {problems.length === 0 ? (
            <p className="text-muted">None.</p>
          ) : (
            <ul className="max-h-40 space-y-1 overflow-y-auto">
              {problems.map((p, i) => (
                <li key={i} className="text-danger">
                  <span className="font-mono">
                    {p.path ?? `environment.ts:${p.line}:${p.column}`}
                  </span>{" "}
                  {p.code && <span className="text-muted">{p.code} </span>}
                  {p.message}
                </li>
              ))}
            </ul>
          )}
        </section>
        {attempt.testResults && (
          <section>
            <h4 className="mb-1 font-medium">
              Self-tests: {attempt.testResults.passed}/{attempt.testResults.total} pass
            </h4>
            {failed.length > 0 && (
              <ul className="max-h-48 space-y-1.5 overflow-y-auto">
                {failed.map((t) => (
                  <li key={t.name}>
                    <span className="font-mono">{t.name}</span>
                    <ul className="ml-3 list-disc pl-3 text-muted">
                      {t.failures.slice(0, 3).map((f, i) => (
                        <li key={i}>{f}</li>
                      ))}
                    </ul>
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {attempt.testResults?.summary && (
          <details>
            <summary className="cursor-pointer font-medium">Feedback sent to the model</summary>
            <pre className="mt-1 max-h-48 overflow-auto whitespace-pre-wrap rounded bg-surface-2 p-2 font-mono">
              {attempt.testResults.summary}
            </pre>
          </details>
        )}
        <p className="text-muted">
          {attempt.tokensIn.toLocaleString()} tokens in · {attempt.tokensOut.toLocaleString()} out ·{" "}
          {(attempt.latencyMs / 1000).toFixed(1)} s
        </p>
      </div>
    </div>
  );
}
