import {
  DIFFICULTIES,
  type Difficulty,
  SPLITS,
  STATUSES,
  type TaskSplit,
  type TaskStatus,
} from "./types";

/** The task table's filters as they travel in the URL (`?difficulty=hard&page=2`). */
export interface TaskFilters {
  difficulty?: Difficulty;
  status?: TaskStatus;
  split?: TaskSplit;
  tool?: string;
  q?: string;
  page: number;
}

export const PAGE_SIZE = 50;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

const text = (value: unknown) =>
  typeof value === "string" && value.trim() ? value.trim().slice(0, 200) : undefined;

/** Reads filters from search params, dropping anything unknown (a hand-edited URL never errors). */
export function parseFilters(params: Record<string, string | string[] | undefined>): TaskFilters {
  const page = Number(params.page);
  return {
    difficulty: oneOf(DIFFICULTIES, params.difficulty),
    status: oneOf(STATUSES, params.status),
    split: oneOf(SPLITS, params.split),
    tool: text(params.tool),
    q: text(params.q),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string for a set of filters (`""` when none are set). */
export function filterQuery(filters: Partial<TaskFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["difficulty", "status", "split", "tool", "q"] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}
