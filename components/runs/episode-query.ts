/** The episode table's filters as they travel in the URL (`?phase=eval&success=false&page=2`). */
export interface EpisodeFilters {
  /** 1-based, as the studio shows iterations; the API takes the 0-based index. */
  iteration?: number;
  phase?: "train" | "eval";
  success?: "true" | "false";
  faultHit?: "true" | "false";
  task?: string;
  difficulty?: "easy" | "medium" | "hard";
  page: number;
}

export const EPISODE_PAGE_SIZE = 25;

const oneOf = <T extends string>(values: readonly T[], value: unknown): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

const BOOL = ["true", "false"] as const;

/** Reads filters from search params, dropping anything unknown (a hand-edited URL never errors). */
export function parseEpisodeFilters(
  params: Record<string, string | string[] | undefined>,
): EpisodeFilters {
  const page = Number(params.page);
  const iteration = Number(params.iteration);
  const task = typeof params.task === "string" ? params.task.trim().slice(0, 200) : "";
  return {
    iteration:
      params.iteration && Number.isInteger(iteration) && iteration >= 1 ? iteration : undefined,
    phase: oneOf(["train", "eval"] as const, params.phase),
    success: oneOf(BOOL, params.success),
    faultHit: oneOf(BOOL, params.faultHit),
    task: task || undefined,
    difficulty: oneOf(["easy", "medium", "hard"] as const, params.difficulty),
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

/** The query string for a set of filters (`""` when none are set). */
export function episodeQuery(filters: Partial<EpisodeFilters>): string {
  const params = new URLSearchParams();
  for (const key of ["iteration", "phase", "success", "faultHit", "task", "difficulty"] as const) {
    const value = filters[key];
    if (value !== undefined && value !== "") params.set(key, String(value));
  }
  if (filters.page && filters.page > 1) params.set("page", String(filters.page));
  const query = params.toString();
  return query ? `?${query}` : "";
}

/** The service's query: 0-based iteration, page size. */
export function serviceQuery(filters: EpisodeFilters) {
  return {
    ...filters,
    iteration: filters.iteration === undefined ? undefined : filters.iteration - 1,
    pageSize: EPISODE_PAGE_SIZE,
  };
}
