/** Test-only: the per-domain generation checks shared by the gallery test files. */
import { expect, it } from "vitest";
import { generateTasks } from "./generate";
import { difficulties, taskSchema } from "./task";
import type { NamedEnvironment } from "./test-support";
import { runNoop, runReference } from "./validate/episodes";

export const TASKS_PER_DOMAIN = 200;

/** Declares one test: a full task set for the domain, every task re-run independently. */
export function itGeneratesValidTasks(name: string, load: () => Promise<NamedEnvironment>): void {
  it(
    `${name}: ${TASKS_PER_DOMAIN} tasks in all tiers; reference scores 1 and no-op 0 on every one`,
    { timeout: 180_000 },
    async () => {
      const { env, spec } = await load();
      try {
        const { tasks, stats } = await generateTasks(env, {
          count: TASKS_PER_DOMAIN,
          seed: 11,
          spec,
        });
        expect(tasks).toHaveLength(TASKS_PER_DOMAIN);
        for (const tier of difficulties)
          expect(stats.byTier[tier], `${tier} tasks`).toBeGreaterThan(0);
        expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
        expect(stats.split.eval / tasks.length).toBeGreaterThan(0.1);
        expect(stats.split.eval / tasks.length).toBeLessThan(0.3);
        for (const task of tasks) {
          expect(taskSchema.safeParse(task).success).toBe(true);
          const reference = await runReference(env, task);
          expect(reference.breakdown.score, `reference of ${task.id}: ${task.instruction}`).toBe(1);
          const noop = await runNoop(env, task);
          expect(noop.breakdown.score, `no-op of ${task.id}: ${task.instruction}`).toBe(0);
          for (const value of task.checker.requiredOutputs)
            expect(task.instruction).not.toContain(value);
        }
        // Hard tasks include recovery paths: a declared error first, then another route.
        expect(tasks.some((t) => t.tags.includes("error-recovery"))).toBe(true);
      } finally {
        env.dispose();
      }
    },
  );
}
