"use client";
import { Search, X } from "lucide-react";
import { type FormEvent, useState } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Input, Select } from "./field";

/** Filters as they travel in the URL: optional keys beside a 1-based page. */
type Filters = { page: number };
type FilterKey<F> = Exclude<keyof F, "page"> & string;

export type FilterOption = string | { value: string; label: string };

/** A select bound to one filter; "all" (the empty value) unsets it. */
export interface SelectFilter<F> {
  key: FilterKey<F>;
  /** Shown beside the select and its accessible name. */
  label: string;
  options: readonly FilterOption[];
  /** Turns the chosen option into the filter's value (default: the option's string). */
  parse?: (value: string) => unknown;
}

/** A free-text filter, applied when its form is submitted. */
export interface SearchFilter<F> {
  key: FilterKey<F>;
  /** The input's accessible name. */
  label: string;
  placeholder: string;
  /** The submit button's text. */
  submit: string;
  /** Minimum width class of the search form, e.g. `min-w-56`. */
  minWidth: string;
}

/**
 * A bar of filters for a server-filtered table: selects, a search box and "Clear". Every change
 * goes to `onChange` with the page reset to 1 (callers put it in the URL). The search text is
 * local until submitted; give the bar a `key` of the current filters to reset it on navigation.
 */
export function FilterBar<F extends Filters>({
  label,
  filters,
  onChange,
  selects,
  selectMinWidth,
  search,
}: {
  /** Accessible name of the bar (a `search` landmark). */
  label: string;
  filters: F;
  onChange: (next: F) => void;
  selects: SelectFilter<F>[];
  /** Minimum width class of the selects, e.g. `min-w-24`. */
  selectMinWidth: string;
  search: SearchFilter<F>;
}) {
  const current = (key: FilterKey<F>) => {
    const value = filters[key];
    return value === undefined || value === null ? "" : String(value);
  };
  const [text, setText] = useState(current(search.key));
  const set = (key: FilterKey<F>, value: unknown) =>
    onChange({ ...filters, [key]: value, page: 1 });
  const any = [...selects.map((s) => s.key), search.key].some((key) => filters[key]);

  function submit(event: FormEvent) {
    event.preventDefault();
    set(search.key, text.trim() || undefined);
  }

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2" aria-label={label} role="search">
      {selects.map((s) => (
        <label key={s.key} className="flex items-center gap-1.5 text-sm">
          <span className="text-muted">{s.label}</span>
          <Select
            aria-label={s.label}
            value={current(s.key)}
            onChange={(e) =>
              set(s.key, e.target.value ? (s.parse ?? String)(e.target.value) : undefined)
            }
            className={cn("h-8 w-auto", selectMinWidth, "pr-7")}
          >
            <option value="">all</option>
            {s.options.map((o) => {
              const option = typeof o === "string" ? { value: o, label: o } : o;
              return (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              );
            })}
          </Select>
        </label>
      ))}
      <form
        onSubmit={submit}
        className={cn("flex", search.minWidth, "flex-1 items-center gap-1.5")}
      >
        <div className="relative flex-1">
          <Search
            size={14}
            aria-hidden
            className="absolute left-2.5 top-1/2 -translate-y-1/2 text-muted"
          />
          <Input
            type="search"
            aria-label={search.label}
            placeholder={search.placeholder}
            value={text}
            onChange={(e) => setText(e.target.value)}
            className="h-8 pl-8"
          />
        </div>
        <Button type="submit" variant="secondary" size="sm">
          {search.submit}
        </Button>
      </form>
      {any && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => {
            setText("");
            onChange({ page: 1 } as F);
          }}
        >
          <X size={14} aria-hidden /> Clear
        </Button>
      )}
    </div>
  );
}
