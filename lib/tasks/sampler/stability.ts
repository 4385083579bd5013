/** Perturbed replays that found nothing volatile before a tool is trusted without one. */
const TRUST_AFTER = 3;

/**
 * Which tools are known not to depend on call order (ids from a counter rather than the call
 * index, no clock in their results). A perturbed replay costs a reset; once a tool came out
 * stable a few times it is trusted, and one volatile observation distrusts it for good.
 * Deterministic: it only depends on the order tasks are built in.
 */
export class Stability {
  private readonly stableRuns = new Map<string, number>();
  private readonly volatile = new Set<string>();

  trusted(tool: string): boolean {
    return !this.volatile.has(tool) && (this.stableRuns.get(tool) ?? 0) >= TRUST_AFTER;
  }

  observe(tool: string, volatile: boolean): void {
    if (volatile) this.volatile.add(tool);
    else this.stableRuns.set(tool, (this.stableRuns.get(tool) ?? 0) + 1);
  }
}
