/** Number formats shared by the run views (charts, tables, the replay). */

export const pct = (value: number | null | undefined, digits = 0) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "—"
    : `${(value * 100).toFixed(digits)}%`;

export const num = (value: number | null | undefined, digits = 3) =>
  value === null || value === undefined || Number.isNaN(value)
    ? "—"
    : Number.isInteger(value)
      ? String(value)
      : value.toFixed(digits);

export const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The learner's planned iterations, or 1 for an evaluation run. */
export function plannedIterations(config: Record<string, unknown>, policy: string): number {
  return policy === "learner" ? Number(config.iterations ?? 50) : 1;
}
