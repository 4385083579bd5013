"use client";
import { FilterBar } from "@/components/ui/filter-bar";
import type { EpisodeFilters as Filters } from "./episode-query";

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
  const iterationOptions = Array.from({ length: iterations }, (_, i) => String(i + 1));
  return (
    <FilterBar
      label="Episode filters"
      filters={filters}
      onChange={onChange}
      selectMinWidth="min-w-20"
      selects={[
        {
          key: "success",
          label: "Outcome",
          options: [
            { value: "true", label: "succeeded" },
            { value: "false", label: "failed" },
          ],
        },
        {
          key: "faultHit",
          label: "Faults",
          options: [
            { value: "true", label: "hit a fault" },
            { value: "false", label: "no fault" },
          ],
        },
        { key: "phase", label: "Phase", options: ["train", "eval"] },
        { key: "iteration", label: "Iteration", options: iterationOptions, parse: Number },
        { key: "difficulty", label: "Difficulty", options: ["easy", "medium", "hard"] },
      ]}
      search={{
        key: "task",
        label: "Task",
        placeholder: "Task key contains…",
        submit: "Filter",
        minWidth: "min-w-52",
      }}
    />
  );
}
