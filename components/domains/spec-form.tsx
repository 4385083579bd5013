"use client";
import { useWorkspace } from "@/components/shell/workspace-context";
import { Input } from "@/components/ui/field";
import { CommitInput, Labeled, Section } from "./form-parts";
import { ActionsSection, RulesSection } from "./spec-form-actions";
import {
  isObject,
  type Json,
  list,
  renameEntity,
  renameProblem,
  seedCount,
  setItemField,
  setSeedCount,
  text,
} from "./spec-edit";

/** A form over the simple parts of a spec; it writes back into the raw JSON. */
export function SpecForm({ spec, onChange }: { spec: Json; onChange: (next: Json) => void }) {
  const { canEdit, readOnlyReason } = useWorkspace();
  const entities = list(spec.entities);
  const seed = isObject(spec.seed) ? spec.seed : {};
  return (
    <fieldset
      disabled={!canEdit}
      title={readOnlyReason}
      className="min-w-0 space-y-4"
      data-testid="spec-form"
    >
      <Section title="Overview">
        <div className="grid gap-3 md:grid-cols-[1fr_2fr_180px]">
          <Labeled label="Title">
            <Input
              value={text(spec.title)}
              onChange={(e) => onChange({ ...spec, title: e.target.value })}
            />
          </Labeled>
          <Labeled label="Summary">
            <Input
              value={text(spec.summary)}
              onChange={(e) => onChange({ ...spec, summary: e.target.value })}
            />
          </Labeled>
          <Labeled label="Simulated today" hint="today() in rules; fixed so tasks replay the same">
            <Input
              type="date"
              value={text(seed.today)}
              onChange={(e) => onChange({ ...spec, seed: { ...seed, today: e.target.value } })}
            />
          </Labeled>
        </div>
      </Section>

      <Section
        title={`Entities (${entities.length})`}
        hint="Seed count: how many records of each entity an episode starts with (0–500)."
      >
        <div
          className="grid grid-cols-[200px_1fr_110px] gap-3 pb-1.5 text-xs font-medium text-muted max-md:hidden"
          aria-hidden
        >
          <span>Name</span>
          <span>Description</span>
          <span>Seed count</span>
        </div>
        <div className="divide-y divide-border">
          {entities.map((entity, index) => {
            const name = text(entity.name);
            return (
              <div
                key={index}
                className="grid items-start gap-3 py-2 first:pt-0 last:pb-0 md:grid-cols-[200px_1fr_110px]"
              >
                <CommitInput
                  label={`Entity ${index + 1} name`}
                  value={name}
                  mono
                  validate={(next) => renameProblem(spec, name, next)}
                  onCommit={(next) => next !== name && onChange(renameEntity(spec, name, next))}
                />
                <Input
                  aria-label={`${name} description`}
                  value={text(entity.description)}
                  onChange={(e) =>
                    onChange(setItemField(spec, "entities", index, "description", e.target.value))
                  }
                />
                <Input
                  aria-label={`${name} seed count`}
                  type="number"
                  min={0}
                  max={500}
                  value={seedCount(spec, name)}
                  onChange={(e) => {
                    const count = Number.parseInt(e.target.value, 10);
                    if (Number.isInteger(count) && count >= 0 && count <= 500)
                      onChange(setSeedCount(spec, name, count));
                  }}
                />
              </div>
            );
          })}
        </div>
      </Section>

      <ActionsSection spec={spec} onChange={onChange} />
      <RulesSection spec={spec} onChange={onChange} />
    </fieldset>
  );
}
