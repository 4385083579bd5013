import { z } from "zod";

export const sandboxLimitsSchema = z
  .object({
    /** CPU deadline of one tool call (and of a reset), ms. */
    timeoutMs: z.number().int().min(1).max(60_000).default(50),
    /** Memory cap of one sandbox (its WebAssembly memory), bytes. At least 24 MiB. */
    memoryBytes: z
      .number()
      .int()
      .min(24 * 1024 * 1024)
      .max(1024 * 1024 * 1024)
      .default(32 * 1024 * 1024),
    /** Largest tool result, in characters of JSON. */
    outputBytes: z
      .number()
      .int()
      .min(1)
      .default(256 * 1024),
    /** Largest state, in characters of JSON. */
    stateBytes: z
      .number()
      .int()
      .min(1)
      .default(4 * 1024 * 1024),
  })
  .strict();

export type SandboxLimits = z.infer<typeof sandboxLimitsSchema>;
export type SandboxLimitsInput = z.input<typeof sandboxLimitsSchema>;

export const DEFAULT_LIMITS: SandboxLimits = sandboxLimitsSchema.parse({});
