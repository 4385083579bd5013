"use client";
import { Search, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/field";
import type { TaskFilters as Filters } from "./filters";
import { DIFFICULTIES, SPLITS, STATUSES } from "./types";

function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string | undefined;
  options: readonly string[];
  onChange: (value: string | undefined) => void;
}) {
  return (
    <label className="flex items-center gap-1.5 text-sm">
      <span className="text-muted">{label}</span>
      <Select
        aria-label={label}
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value || undefined)}
        className="h-8 w-auto min-w-24 pr-7"
      >
        <option value="">all</option>
        {options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </Select>
    </label>
  );
}

/** Filters for the task table; every change goes to the URL and the server filters. */
export function TaskFilters({
  filters,
  tools,
  onChange,
}: {
  filters: Filters;
  tools: string[];
  onChange: (next: Filters) => void;
}) {
  const [q, setQ] = useState(filters.q ?? "");
  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch, page: 1 });
  const any = filters.difficulty || filters.status || filters.split || filters.tool || filters.q;

  function search(event: FormEvent) {
    event.preventDefault();
    set({ q: q.trim() || undefined });
  }

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" aria-label="Filters" role="search">
      <FilterSelect
        label="Difficulty"
        value={filters.difficulty}
        options={DIFFICULTIES}
        onChange={(v) => set({ difficulty: v as Filters["difficulty"] })}
      />
      <FilterSelect
        label="Status"
        value={filters.status}
        options={STATUSES}
        onChange={(v) => set({ status: v as Filters["status"] })}
      />
      <FilterSelect
        label="Split"
        value={filters.split}
        options={SPLITS}
        onChange={(v) => set({ split: v as Filters["split"] })}
      />
      <FilterSelect
        label="Tool"
        value={filters.tool}
        options={tools}
        onChange={(v) => set({ tool: v })}
      />
      <form onSubmit={search} className="flex min-w-56 flex-1 items-center gap-1.5">
        <div className="relative flex-1">
          <Search
            size={14}
            aria-hidden
            className="absolute left-2.5 top-1/2 -translate-y-1/2 text-muted"
          />
          <Input
            type="search"
            aria-label="Search instructions"
            placeholder="Search instructions"
            value={q}
            onChange={(e) => setQ(e.target.value)}
            className="h-8 pl-8"
          />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          Search
        </Button>
      </form>
      {any && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setQ("");
            onChange({ page: 1 });
          }}
        >
          <X size={14} aria-hidden /> Clear
        </Button>
      )}
    </div>
  );
}
