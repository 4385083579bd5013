"use client";
import { Search, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { EpisodeFilters as Filters } from "./episode-query";

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="text-muted">{label}</span>
      <Select
        aria-label={label}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        className="h-8 w-auto min-w-20 pr-7"
      >
        <option value="">all</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </label>
  );
}

const opts = (...values: string[]) => values.map((value) => ({ value, label: value }));

/** Filters for the episode table; every change goes to the URL and the server filters. */
export function EpisodeFilters({
  filters,
  iterations,
  onChange,
}: {
  filters: Filters;
  /** Iterations stored so far (for the iteration picker). */
  iterations: number;
  onChange: (next: Filters) => void;
}) {
  const [task, setTask] = useState(filters.task ?? "");
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  const any =
    filters.iteration ||
    filters.phase ||
    filters.success ||
    filters.faultHit ||
    filters.task ||
    filters.difficulty;
  const iterationOptions = Array.from({ length: iterations }, (_, i) => ({
    value: String(i + 1),
    label: String(i + 1),
  }));

  function search(event: FormEvent) {
    event.preventDefault();
    set({ task: task.trim() || undefined });
  }

  return (
    <div
      className="flex flex-wrap items-center gap-x-4 gap-y-2"
      aria-label="Episode filters"
      role="search"
    >
      <FilterSelect
        label="Outcome"
        value={filters.success}
        options={[
          { value: "true", label: "succeeded" },
          { value: "false", label: "failed" },
        ]}
        onChange={(v) => set({ success: v as Filters["success"] })}
      />
      <FilterSelect
        label="Faults"
        value={filters.faultHit}
        options={[
          { value: "true", label: "hit a fault" },
          { value: "false", label: "no fault" },
        ]}
        onChange={(v) => set({ faultHit: v as Filters["faultHit"] })}
      />
      <FilterSelect
        label="Phase"
        value={filters.phase}
        options={opts("train", "eval")}
        onChange={(v) => set({ phase: v as Filters["phase"] })}
      />
      <FilterSelect
        label="Iteration"
        value={filters.iteration ? String(filters.iteration) : undefined}
        options={iterationOptions}
        onChange={(v) => set({ iteration: v ? Number(v) : undefined })}
      />
      <FilterSelect
        label="Difficulty"
        value={filters.difficulty}
        options={opts("easy", "medium", "hard")}
        onChange={(v) => set({ difficulty: v as Filters["difficulty"] })}
      />
      <form onSubmit={search} className="flex min-w-52 flex-1 items-center gap-1.5">
        <div className="relative flex-1">
          <Search
            size={14}
            aria-hidden
            className="absolute left-2.5 top-1/2 -translate-y-1/2 text-muted"
          />
          <Input
            type="search"
            aria-label="Task"
            placeholder="Task key contains…"
            value={task}
            onChange={(e) => setTask(e.target.value)}
            className="h-8 pl-8"
          />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Filter
        </Button>
      </form>
      {any && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setTask("");
            onChange({ page: 1 });
          }}
        >
          <X size={14} aria-hidden /> Clear
        </Button>
      )}
    </div>
  );
}
