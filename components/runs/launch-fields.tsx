"use client";
/** The launch form's pieces: policy choices, a number field with its hint, a checkbox, a group. */
import type { ReactNode } from "react";
import { Field, Input } from "@/components/ui/field";
import type { LlmChoice, Policy } from "./types";

export const POLICIES: { value: Policy; label: string }[] = [
  { value: "learner", label: "learner — train with RL" },
  { value: "llm", label: "LLM agent (workspace provider)" },
  { value: "reference", label: "reference — the tasks' solutions" },
  { value: "random", label: "random — uniform calls" },
  { value: "noop", label: "noop — answers at once" },
];

export const POLICY_HINT: Record<Policy, string> = {
  learner: "Trains the built-in policy on the train split, evaluating on the eval split.",
  llm: "The workspace's model calls the tools. Evaluates once on the eval split, no training.",
  reference: "Baseline: an upper bound. Evaluates once on the eval split, no training.",
  random: "Baseline: random tool calls. Evaluates once on the eval split.",
  noop: "Baseline: never calls a tool. Evaluates once on the eval split.",
};

/** "gpt-4o-mini (OpenAI-compatible)", "claude-… (Anthropic, server default)". */
export function describeLlm(llm: LlmChoice): string {
  const kind = llm.kind === "anthropic" ? "Anthropic" : "OpenAI-compatible";
  return `${llm.model} (${kind}${llm.source === "environment" ? ", server default" : ""})`;
}

export function NumberField(props: {
  name: string;
  label: string;
  hint: string;
  defaultValue: number;
  min: number;
  max: number;
  step?: number;
  disabled?: boolean;
}) {
  const id = `launch-${props.name}`;
  return (
    <Field label={props.label} htmlFor={id} hint={props.hint}>
      <Input
        id={id}
        name={props.name}
        type="number"
        required
        min={props.min}
        max={props.max}
        step={props.step ?? 1}
        defaultValue={props.defaultValue}
        disabled={props.disabled}
      />
    </Field>
  );
}

export function Check({
  name,
  label,
  hint,
  disabled,
}: {
  name: string;
  label: string;
  hint: string;
  disabled?: boolean;
}) {
  const id = `launch-${name}`;
  return (
    <div className="flex items-start gap-2 text-sm">
      <input
        id={id}
        type="checkbox"
        name={name}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        className="mt-0.5 accent-accent"
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <p id={`${id}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}

export function Group({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 pt-2">
      <legend className="w-full border-b border-border pb-1 text-xs font-medium uppercase tracking-wide text-muted">
        {title}
      </legend>
      {children}
    </fieldset>
  );
}
