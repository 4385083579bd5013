import { z } from "zod";
import { defineJob, PermanentJobError } from "@/lib/server/jobs/definition";

/** Counts to `steps`, reporting progress; stops early when cancelled. */
export const countJob = defineJob({
  kind: "test.count",
  title: "Count",
  payload: z.object({ steps: z.number().int().min(1), stepMs: z.number().int().min(1) }),
  async run({ payload, progress, signal }) {
    for (let i = 1; i <= payload.steps; i++) {
      if (signal.aborted) return { counted: i - 1 };
      await new Promise((resolve) => setTimeout(resolve, payload.stepMs));
      await progress(i / payload.steps, `step ${i} of ${payload.steps}`);
    }
    return { counted: payload.steps };
  },
});

/** Fails on the first `failures` attempts, then succeeds. */
export const flakyJob = defineJob({
  kind: "test.flaky",
  title: "Flaky",
  payload: z.object({ failures: z.number().int(), permanent: z.boolean().default(false) }),
  maxAttempts: 3,
  async run({ payload, attempt }) {
    if (attempt <= payload.failures) {
      if (payload.permanent) throw new PermanentJobError("input can never work");
      throw new Error(`boom on attempt ${attempt}`);
    }
    return { attempt };
  },
});

export const testJobs = [countJob, flakyJob];
