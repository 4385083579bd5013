"use client";
import { FilterBar } from "@/components/ui/filter-bar";
import type { TaskFilters as Filters } from "./filters";
import { DIFFICULTIES, SPLITS, STATUSES } from "./types";

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
  return (
    <FilterBar
      label="Filters"
      filters={filters}
      onChange={onChange}
      selectMinWidth="min-w-24"
      selects={[
        { key: "difficulty", label: "Difficulty", options: DIFFICULTIES },
        { key: "status", label: "Status", options: STATUSES },
        { key: "split", label: "Split", options: SPLITS },
        { key: "tool", label: "Tool", options: tools },
      ]}
      search={{
        key: "q",
        label: "Search instructions",
        placeholder: "Search instructions",
        submit: "Search",
        minWidth: "min-w-56",
      }}
    />
  );
}
