"use client";
import { Badge } from "@/components/ui/card";
import { Input, Textarea } from "@/components/ui/field";
import { inputNames, type Json, list, setItemField, text } from "./spec-edit";
import { CommitInput, Labeled, Section } from "./form-parts";

/** Each action's description (what the agent reads) and task phrase (how tasks word a call). */
export function ActionsSection({ spec, onChange }: { spec: Json; onChange: (next: Json) => void }) {
  const actions = list(spec.actions);
  return (
    <Section
      title={`Actions (${actions.length})`}
      hint="The tools agents call. Phrases may use {input} placeholders."
    >
      <div className="divide-y divide-border">
        {actions.map((action, index) => {
          const name = text(action.name);
          const inputs = inputNames(action);
          const phrase = text(action.phrase);
          const unknown = [...phrase.matchAll(/\{(\w+)\}/g)]
            .map((m) => m[1]!)
            .filter((p) => !inputs.includes(p));
          return (
            <div
              key={index}
              className="grid gap-3 py-3 first:pt-0 last:pb-0 lg:grid-cols-[220px_1fr]"
            >
              <div className="min-w-0 space-y-1">
                <p className="truncate font-mono text-[13px] font-medium" title={name}>
                  {name || "(unnamed)"}
                </p>
                <div className="flex flex-wrap gap-1">
                  <Badge tone="accent">{text(action.kind) || "?"}</Badge>
                  <Badge>{text(action.entity) || "?"}</Badge>
                </div>
              </div>
              <div className="min-w-0 space-y-2">
                <Labeled label="Description (what the agent reads)">
                  <Textarea
                    aria-label={`${name} description`}
                    rows={2}
                    value={text(action.description)}
                    onChange={(e) =>
                      onChange(setItemField(spec, "actions", index, "description", e.target.value))
                    }
                  />
                </Labeled>
                <Labeled label="Task phrase">
                  <Input
                    aria-label={`${name} phrase`}
                    value={phrase}
                    onChange={(e) =>
                      onChange(setItemField(spec, "actions", index, "phrase", e.target.value))
                    }
                  />
                </Labeled>
                <p className="text-xs text-muted">
                  {inputs.length ? (
                    <>
                      Placeholders:{" "}
                      {inputs.map((input) => (
                        <code
                          key={input}
                          className="mr-1 rounded bg-surface-2 px-1 font-mono"
                        >{`{${input}}`}</code>
                      ))}
                    </>
                  ) : (
                    "No inputs."
                  )}
                  {unknown.length > 0 && (
                    <span className="ml-1 text-warning">
                      Not an input: {unknown.map((u) => `{${u}}`).join(", ")}
                    </span>
                  )}
                </p>
              </div>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

/** Limits (numbers), permissions (allowed values) and invariants (descriptions only). */
export function RulesSection({ spec, onChange }: { spec: Json; onChange: (next: Json) => void }) {
  const rules = list(spec.rules);
  if (rules.length === 0) return null;
  return (
    <Section title={`Rules (${rules.length})`} hint="Used in expressions as rules.<name>.">
      <div className="divide-y divide-border">
        {rules.map((rule, index) => {
          const name = text(rule.name);
          const kind = text(rule.kind);
          return (
            <div
              key={index}
              className="grid items-start gap-3 py-3 first:pt-0 last:pb-0 md:grid-cols-[220px_200px_1fr]"
            >
              <div className="min-w-0 space-y-1">
                <p className="truncate font-mono text-[13px] font-medium">{name}</p>
                <Badge
                  tone={kind === "limit" ? "accent" : kind === "permission" ? "success" : "neutral"}
                >
                  {kind}
                </Badge>
              </div>
              {kind === "limit" ? (
                <Labeled label="Value">
                  <Input
                    type="number"
                    aria-label={`${name} value`}
                    value={typeof rule.value === "number" ? rule.value : ""}
                    onChange={(e) => {
                      const value = Number(e.target.value);
                      if (e.target.value !== "" && Number.isFinite(value))
                        onChange(setItemField(spec, "rules", index, "value", value));
                    }}
                  />
                </Labeled>
              ) : kind === "permission" ? (
                <Labeled label="Allowed (comma-separated)">
                  <CommitInput
                    label={`${name} allowed values`}
                    value={Array.isArray(rule.allowed) ? rule.allowed.join(", ") : ""}
                    validate={(v) => (splitList(v).length ? null : "list at least one value")}
                    onCommit={(v) =>
                      onChange(setItemField(spec, "rules", index, "allowed", splitList(v)))
                    }
                  />
                </Labeled>
              ) : (
                <Labeled label="Condition">
                  <p
                    className="truncate rounded-md bg-surface-2 px-2 py-2 font-mono text-xs"
                    title={text(rule.that)}
                  >
                    {text(rule.that) || "—"}
                  </p>
                </Labeled>
              )}
              <Labeled label="Description">
                <Input
                  aria-label={`${name} description`}
                  value={text(rule.description)}
                  onChange={(e) =>
                    onChange(setItemField(spec, "rules", index, "description", e.target.value))
                  }
                />
              </Labeled>
            </div>
          );
        })}
      </div>
    </Section>
  );
}

const splitList = (value: string) =>
  value
    .split(",")
    .map((v) => v.trim())
    .filter(Boolean);
