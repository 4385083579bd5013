"use client";
import { Rocket } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Field, FormError, Input, Select } from "@/components/ui/field";
import { Check, describeLlm, Group, NumberField, POLICIES, POLICY_HINT } from "./launch-fields";
import type { LlmChoice, Policy, TaskSetChoice } from "./types";
import { MAX_EPISODE_STEPS } from "@/lib/training/episode";

const numbers = (form: FormData, names: string[]) =>
  Object.fromEntries(names.filter((n) => form.has(n)).map((n) => [n, Number(form.get(n))]));

/**
 * Launches a training run (learner), or an evaluation of a baseline or of the LLM agent (the
 * workspace's provider; `llm` is null when none is configured) on one task set.
 */
export function LaunchForm({
  taskSets,
  llm,
}: {
  taskSets: TaskSetChoice[];
  llm: LlmChoice | null;
}) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [taskSetId, setTaskSetId] = useState(taskSets[0]?.id ?? "");
  const [policy, setPolicy] = useState<Policy>("learner");
  const [algorithm, setAlgorithm] = useState("grpo");
  const [faultProfile, setFaultProfile] = useState("none");
  const [name, setName] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const set = taskSets.find((s) => s.id === taskSetId);
  const learner = policy === "learner";
  const policyName = learner
    ? algorithm.toUpperCase()
    : policy === "llm" && llm
      ? `LLM ${llm.model}`
      : policy;
  const defaultName = set ? `${set.name} · ${policyName}`.slice(0, 80) : "";

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!set) return;
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const run = await api<{ id: string }>(`/api/workspaces/${slug}/runs`, {
        body: {
          name: (name ?? defaultName).trim(),
          taskSetId: set.id,
          environmentVersionId: set.environmentVersionId,
          policy,
          faultProfile,
          ...(learner
            ? { algorithm, drGrpo: form.has("drGrpo"), curriculum: form.has("curriculum") }
            : {}),
          ...numbers(form, [
            "iterations",
            "groupSize",
            "tasksPerIteration",
            "learningRate",
            "entropyCoef",
            "faultFraction",
            "evalEvery",
            "evalTrials",
            "seed",
            "maxSteps",
          ]),
        },
      });
      router.push(`/w/${slug}/runs/${run.id}`);
    } catch (e) {
      setError((e as Error).message);
      setPending(false);
    }
  }

  if (taskSets.length === 0) {
    return (
      <Card className="h-fit p-4">
        <h2 className="font-medium">Launch a run</h2>
        <p className="mt-2 text-sm text-muted">
          A run trains or evaluates on a task set. Generate one on the{" "}
          <Link href={`/w/${slug}/tasks`} className="text-accent hover:underline">
            Tasks page
          </Link>{" "}
          first.
        </p>
      </Card>
    );
  }

  return (
    <Card className="h-fit p-4">
      <h2 className="mb-3 font-medium">Launch a run</h2>
      <form onSubmit={submit} aria-label="Launch a run">
        <fieldset disabled={!canEdit || pending} title={readOnlyReason} className="space-y-3">
          <Field
            label="Task set"
            htmlFor="launch-task-set"
            hint={
              set
                ? `Runs in ${set.environment} v${set.version}, the version the tasks were checked against.`
                : undefined
            }
          >
            <Select
              id="launch-task-set"
              value={taskSetId}
              onChange={(e) => setTaskSetId(e.target.value)}
            >
              {taskSets.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name} ({s.taskCount} tasks)
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Name" htmlFor="launch-name">
            <Input
              id="launch-name"
              value={name ?? defaultName}
              onChange={(e) => setName(e.target.value)}
              required
              maxLength={80}
            />
          </Field>
          <Field label="Policy" htmlFor="launch-policy" hint={POLICY_HINT[policy]}>
            <Select
              id="launch-policy"
              value={policy}
              onChange={(e) => setPolicy(e.target.value as Policy)}
            >
              {POLICIES.map((p) => (
                <option key={p.value} value={p.value} disabled={p.value === "llm" && !llm}>
                  {p.value === "llm" && !llm ? `${p.label} — not configured` : p.label}
                </option>
              ))}
            </Select>
            <p className="text-xs text-muted" data-testid="launch-llm">
              {llm ? (
                <>LLM agent: {describeLlm(llm)}, from Settings.</>
              ) : (
                <>
                  The LLM agent needs an LLM provider: an owner can add one in{" "}
                  <Link href={`/w/${slug}/settings`} className="text-accent hover:underline">
                    Settings → LLM provider
                  </Link>
                  .
                </>
              )}
            </p>
          </Field>
          {learner && (
            <Group title="Learning">
              <Field
                label="Algorithm"
                htmlFor="launch-algorithm"
                hint="GRPO compares rollouts of the same task; REINFORCE uses a moving baseline."
              >
                <Select
                  id="launch-algorithm"
                  value={algorithm}
                  onChange={(e) => setAlgorithm(e.target.value)}
                >
                  <option value="grpo">GRPO</option>
                  <option value="reinforce">REINFORCE</option>
                </Select>
              </Field>
              {algorithm === "grpo" && (
                <Check
                  name="drGrpo"
                  label="Dr. GRPO"
                  hint="No std normalisation of advantages, constant length normaliser."
                />
              )}
              <div className="grid grid-cols-2 gap-3">
                <NumberField
                  name="iterations"
                  label="Iterations"
                  hint="Updates of the policy."
                  defaultValue={30}
                  min={1}
                  max={1000}
                />
                <NumberField
                  name="groupSize"
                  label="Group size"
                  hint="Rollouts per task (G)."
                  defaultValue={8}
                  min={1}
                  max={64}
                />
                <NumberField
                  name="tasksPerIteration"
                  label="Tasks per iteration"
                  hint="Train tasks sampled each time."
                  defaultValue={8}
                  min={1}
                  max={256}
                />
                <NumberField
                  name="learningRate"
                  label="Learning rate"
                  hint="Adam step size."
                  defaultValue={0.1}
                  min={0.0001}
                  max={10}
                  step={0.0001}
                />
                <NumberField
                  name="entropyCoef"
                  label="Entropy coefficient"
                  hint="Bonus that keeps exploring."
                  defaultValue={0.01}
                  min={0}
                  max={1}
                  step={0.001}
                />
              </div>
            </Group>
          )}
          <Group title="Faults">
            <Field
              label="Fault profile"
              htmlFor="launch-fault-profile"
              hint={
                learner
                  ? "Injected into a share of the rollouts; evaluation runs clean and faulty."
                  : "Evaluation runs clean and, unless none, under this profile."
              }
            >
              <Select
                id="launch-fault-profile"
                value={faultProfile}
                onChange={(e) => setFaultProfile(e.target.value)}
              >
                <option value="none">none</option>
                <option value="flaky">flaky — occasional outages, timeouts</option>
                <option value="hostile">hostile — frequent, varied faults</option>
              </Select>
            </Field>
            {learner && (
              <>
                <NumberField
                  name="faultFraction"
                  label="Fault fraction"
                  hint="Share of training rollouts run with faults (0–1)."
                  defaultValue={0.5}
                  min={0}
                  max={1}
                  step={0.05}
                  disabled={faultProfile === "none"}
                />
                <Check
                  name="curriculum"
                  label="Adaptive curriculum"
                  hint="Raise the fault fraction as faulty success catches up with clean."
                  disabled={faultProfile === "none"}
                />
              </>
            )}
          </Group>
          <Group title="Evaluation and budget">
            <div className="grid grid-cols-2 gap-3">
              {learner && (
                <NumberField
                  name="evalEvery"
                  label="Eval every"
                  hint="Iterations between evals (0 never)."
                  defaultValue={10}
                  min={0}
                  max={1000}
                />
              )}
              <NumberField
                name="evalTrials"
                label="Eval trials"
                hint="Trials per eval task (k of pass^k)."
                defaultValue={4}
                min={1}
                max={32}
              />
              <NumberField
                name="maxSteps"
                label="Max steps"
                hint="Tool calls per episode."
                defaultValue={10}
                min={1}
                max={MAX_EPISODE_STEPS}
              />
              <NumberField
                name="seed"
                label="Seed"
                hint="Same seed, same run."
                defaultValue={0}
                min={0}
                max={2147483647}
              />
            </div>
          </Group>
          <FormError message={error} />
          <Button type="submit" disabled={pending || !canEdit || !set} className="w-full">
            <Rocket size={14} aria-hidden />{" "}
            {pending ? "Launching…" : learner ? "Launch training" : "Launch evaluation"}
          </Button>
        </fieldset>
      </form>
    </Card>
  );
}
