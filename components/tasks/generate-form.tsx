"use client";
import { Sparkles } from "lucide-react";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { DIFFICULTIES, type Difficulty, type EnvironmentChoice } from "./types";

const DEFAULT_MIX: Record<Difficulty, number> = { easy: 30, medium: 40, hard: 30 };

const defaultName = (env: EnvironmentChoice | undefined, versionId: string) => {
  const version = env?.versions.find((v) => v.id === versionId);
  return env && version ? `${env.name} v${version.number} tasks` : "";
};

/** The generation request: which environment version, how many tasks, which seed and tier mix. */
export function GenerateForm({
  environments,
  onStart,
}: {
  environments: EnvironmentChoice[];
  onStart: (payload: Record<string, unknown>) => Promise<void>;
}) {
  const { canEdit, readOnlyReason } = useWorkspace();
  const [environmentId, setEnvironmentId] = useState(environments[0]?.id ?? "");
  const environment = environments.find((e) => e.id === environmentId);
  const [versionId, setVersionId] = useState(environment?.versions[0]?.id ?? "");
  const [name, setName] = useState(defaultName(environment, versionId));
  const [nameEdited, setNameEdited] = useState(false);
  const [customMix, setCustomMix] = useState(false);
  const [mix, setMix] = useState(DEFAULT_MIX);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  function pick(envId: string, verId: string) {
    setEnvironmentId(envId);
    setVersionId(verId);
    if (!nameEdited)
      setName(
        defaultName(
          environments.find((e) => e.id === envId),
          verId,
        ),
      );
  }

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      await onStart({
        environmentVersionId: versionId,
        name,
        count: Number(form.get("count")),
        seed: Number(form.get("seed")),
        ...(customMix ? { mix } : {}),
      });
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  }

  if (environments.length === 0) {
    return (
      <Card className="h-fit p-4">
        <h2 className="font-medium">Generate tasks</h2>
        <p className="mt-2 text-sm text-muted">
          Tasks are generated in an environment. Create one on the Environments page first.
        </p>
      </Card>
    );
  }

  return (
    <Card className="h-fit p-4">
      <h2 className="mb-3 font-medium">Generate tasks</h2>
      <form onSubmit={submit}>
        <fieldset disabled={!canEdit} title={readOnlyReason} className="space-y-3">
          <div className="grid grid-cols-[1fr_88px] gap-2">
            <Field label="Environment" htmlFor="gen-environment">
              <Select
                id="gen-environment"
                value={environmentId}
                onChange={(e) => {
                  const next = environments.find((env) => env.id === e.target.value);
                  pick(e.target.value, next?.versions[0]?.id ?? "");
                }}
              >
                {environments.map((env) => (
                  <option key={env.id} value={env.id}>
                    {env.name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Version" htmlFor="gen-version">
              <Select
                id="gen-version"
                value={versionId}
                onChange={(e) => pick(environmentId, e.target.value)}
              >
                {environment?.versions.map((v) => (
                  <option key={v.id} value={v.id} title={v.message}>
                    v{v.number}
                  </option>
                ))}
              </Select>
            </Field>
          </div>
          <Field label="Name" htmlFor="gen-name">
            <Input
              id="gen-name"
              value={name}
              required
              maxLength={80}
              onChange={(e) => {
                setName(e.target.value);
                setNameEdited(true);
              }}
            />
          </Field>
          <div className="grid grid-cols-2 gap-2">
            <Field label="Count" htmlFor="gen-count">
              <Input
                id="gen-count"
                name="count"
                type="number"
                min={1}
                max={2000}
                defaultValue={200}
                required
              />
            </Field>
            <Field label="Seed" htmlFor="gen-seed">
              <Input id="gen-seed" name="seed" type="number" min={0} defaultValue={1} required />
            </Field>
          </div>
          <p className="-mt-1 text-xs text-muted">The same version and seed give the same tasks.</p>
          <label className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={customMix}
              onChange={(e) => setCustomMix(e.target.checked)}
              className="accent-accent"
            />
            Custom tier mix
          </label>
          {customMix && (
            <div className="grid grid-cols-3 gap-2" aria-label="Tier mix">
              {DIFFICULTIES.map((d) => (
                <Field key={d} label={d} htmlFor={`gen-mix-${d}`}>
                  <Input
                    id={`gen-mix-${d}`}
                    type="number"
                    min={0}
                    max={100}
                    value={mix[d]}
                    onChange={(e) => setMix({ ...mix, [d]: Math.max(0, Number(e.target.value)) })}
                  />
                </Field>
              ))}
              <p className="col-span-3 text-xs text-muted">
                Shares, normalized. A tier the environment cannot supply gives its share to the
                others.
              </p>
            </div>
          )}
          <FormError message={error} />
          <Button type="submit" disabled={pending || !canEdit || !versionId}>
            <Sparkles size={14} aria-hidden /> {pending ? "Starting…" : "Generate tasks"}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
