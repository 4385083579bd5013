"use client";
import { Play, RotateCcw } from "lucide-react";
import { useEffect, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { type FormValues, initialValues, SchemaForm, toArgs } from "./schema-form";
import { type PatchOp, StateDiff } from "./state-diff";

export interface ToolInfo {
  name: string;
  description: string;
  inputSchema: Record<string, unknown>;
}

interface StepResult {
  index: number;
  tool: string;
  observation:
    | { ok: true; result: unknown }
    | { ok: false; error: { code: string; message: string; retryAfterMs?: number } };
  faults: { kind: string }[];
  patch: PatchOp[];
}

const PROFILES = ["none", "flaky", "hostile"] as const;

/** Call an environment version's tools by hand and watch the state change. */
export function Playground({ versionId, tools }: { versionId: string; tools: ToolInfo[] }) {
  const { slug } = useWorkspace();
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [faults, setFaults] = useState<(typeof PROFILES)[number]>("none");
  const [seed, setSeed] = useState(0);
  const [toolName, setToolName] = useState(tools[0]?.name ?? "");
  const tool = tools.find((t) => t.name === toolName);
  const [values, setValues] = useState<FormValues>(() =>
    tool ? initialValues(tool.inputSchema) : {},
  );
  const [last, setLast] = useState<{ step: StepResult; before: unknown; state: unknown } | null>(
    null,
  );
  const [state, setState] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // One playground session per version; seed and faults change through reset.
  const [restarts, setRestarts] = useState(0);
  useEffect(() => {
    let current = true;
    api<{ sessionId: string; state: unknown }>(`/api/workspaces/${slug}/playground`, {
      body: { versionId, seed: 0, faults: "none" },
    }).then(
      (started) => {
        if (!current) return;
        setSessionId(started.sessionId);
        setState(started.state);
        setLast(null);
        setFaults("none");
        setSeed(0);
      },
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, [slug, versionId, restarts]);

  async function call() {
    if (!sessionId || !tool) return;
    setBusy(true);
    setError(null);
    try {
      const result = await api<{ step: StepResult; before: unknown; state: unknown }>(
        `/api/workspaces/${slug}/playground/${sessionId}`,
        {
          body: { action: "call", tool: tool.name, args: toArgs(tool.inputSchema, values) },
        },
      );
      setLast(result);
      setState(result.state);
    } catch (e) {
      setError((e as Error).message);
      // An expired session (30 idle minutes) is replaced by a fresh one.
      if ((e as { code?: string }).code === "not_found") setRestarts((n) => n + 1);
    } finally {
      setBusy(false);
    }
  }

  async function reset(next: { seed?: number; faults?: (typeof PROFILES)[number] } = {}) {
    if (!sessionId) return;
    setError(null);
    try {
      const result = await api<{ state: unknown }>(
        `/api/workspaces/${slug}/playground/${sessionId}`,
        {
          body: { action: "reset", seed: next.seed ?? seed, faults: next.faults ?? faults },
        },
      );
      setState(result.state);
      setLast(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <div className="space-y-4" data-testid="playground">
      <div className="grid grid-cols-[1fr_90px_auto] items-end gap-2">
        <Field label="Faults" htmlFor="pg-faults">
          <Select
            id="pg-faults"
            value={faults}
            onChange={(e) => {
              const next = e.target.value as (typeof PROFILES)[number];
              setFaults(next);
              void reset({ faults: next });
            }}
          >
            {PROFILES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Seed" htmlFor="pg-seed">
          <Input
            id="pg-seed"
            type="number"
            min={0}
            value={seed}
            onChange={(e) => setSeed(Number(e.target.value) || 0)}
          />
        </Field>
        <Button variant="secondary" onClick={() => void reset()} disabled={!sessionId}>
          <RotateCcw size={14} aria-hidden /> Reset state
        </Button>
      </div>

      <Field label="Tool" htmlFor="pg-tool">
        <Select
          id="pg-tool"
          value={toolName}
          onChange={(e) => {
            setToolName(e.target.value);
            const next = tools.find((t) => t.name === e.target.value);
            setValues(next ? initialValues(next.inputSchema) : {});
          }}
        >
          {tools.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
            </option>
          ))}
        </Select>
      </Field>
      {tool && <p className="-mt-2 text-xs text-muted">{tool.description}</p>}
      {tool && (
        <SchemaForm schema={tool.inputSchema} values={values} onChange={setValues} idPrefix="arg" />
      )}
      <FormError message={error} />
      <Button onClick={() => void call()} disabled={!sessionId || !tool || busy}>
        <Play size={14} aria-hidden /> {busy ? "Calling…" : `Call ${tool?.name ?? "tool"}`}
      </Button>

      {last && (
        <div className="space-y-3 border-t border-border pt-3" data-testid="observation">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <span className="font-medium">Step {last.step.index + 1}</span>
            {last.step.observation.ok ? (
              <Badge tone="success">ok</Badge>
            ) : (
              <Badge tone="danger">{last.step.observation.error.code}</Badge>
            )}
            {last.step.faults.map((f, i) => (
              <Badge key={i} tone="warning">
                injected: {f.kind}
              </Badge>
            ))}
          </div>
          <pre className="max-h-60 overflow-auto rounded-md bg-surface-2 p-2 text-xs">
            {JSON.stringify(
              last.step.observation.ok ? last.step.observation.result : last.step.observation.error,
              null,
              2,
            )}
          </pre>
          <h3 className="text-sm font-medium">State change</h3>
          <StateDiff patch={last.step.patch} before={last.before} after={last.state} />
        </div>
      )}
      {!last && state !== null && (
        <details className="text-sm">
          <summary className="cursor-pointer text-muted">Current state</summary>
          <pre className="mt-2 max-h-80 overflow-auto rounded-md bg-surface-2 p-2 text-xs">
            {JSON.stringify(state, null, 2)}
          </pre>
        </details>
      )}
    </div>
  );
}
