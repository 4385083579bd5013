import { z } from "zod";
import type { FaultKind } from "../types";
import { RuntimeError } from "../errors";

/** Faults that replace the tool's answer; at most one of them hits a step. */
export const EXCLUSIVE_FAULTS = [
  "service_unavailable",
  "timeout",
  "rate_limit",
  "malformed_response",
  "truncated_response",
] as const satisfies readonly FaultKind[];

const rate = z.number().min(0).max(1);
const rates = z
  .object({
    service_unavailable: rate,
    timeout: rate,
    rate_limit: rate,
    malformed_response: rate,
    truncated_response: rate,
    /** Share of eligible calls (read-only tool, same call answered before) served stale. */
    stale_read: rate,
    /** Share of calls that get extra virtual latency. */
    latency: rate,
  })
  .partial()
  .strict();
const range = z.tuple([z.number().int().min(0), z.number().int().min(0)]);

const faultConfigSchema = z
  .object({
    rates,
    /** Extra virtual latency of a `latency` fault, ms. */
    latencyMs: range.optional(),
    /** Virtual time a `timeout` fault consumes, ms. */
    timeoutMs: z.number().int().min(0).optional(),
    /** Retry-after range given with `rate_limit`, ms. */
    retryAfterMs: range.optional(),
    /** Per-tool overrides of `rates`. */
    perTool: z.record(z.string(), rates).optional(),
  })
  .strict();

export type FaultRates = z.infer<typeof rates>;
export type FaultConfig = z.infer<typeof faultConfigSchema>;

const flakyRates: FaultRates = { service_unavailable: 0.08, timeout: 0.06, rate_limit: 0.06 };

export const FAULT_PROFILES = {
  none: { rates: {} },
  flaky: { rates: flakyRates },
  hostile: {
    rates: {
      ...flakyRates,
      malformed_response: 0.04,
      truncated_response: 0.04,
      stale_read: 0.3,
      latency: 0.2,
    },
  },
} satisfies Record<string, FaultConfig>;

export type FaultProfileName = keyof typeof FAULT_PROFILES;
export const FAULT_PROFILE_NAMES = Object.keys(FAULT_PROFILES) as FaultProfileName[];

/** A profile name or a config, validated; throws `RuntimeError("INVALID_FAULT_CONFIG")`. */
export function resolveFaultConfig(input: FaultProfileName | FaultConfig | undefined): FaultConfig {
  if (input === undefined) return FAULT_PROFILES.none;
  if (typeof input === "string") {
    if (!(input in FAULT_PROFILES)) {
      throw new RuntimeError(
        "INVALID_FAULT_CONFIG",
        `Unknown fault profile "${input}"; use one of ${FAULT_PROFILE_NAMES.join(", ")}`,
      );
    }
    return FAULT_PROFILES[input];
  }
  const parsed = faultConfigSchema.safeParse(input);
  if (!parsed.success) {
    throw new RuntimeError(
      "INVALID_FAULT_CONFIG",
      `Invalid fault config: ${z.prettifyError(parsed.error)}`,
    );
  }
  const total = EXCLUSIVE_FAULTS.reduce((sum, kind) => sum + (parsed.data.rates[kind] ?? 0), 0);
  if (total > 1)
    throw new RuntimeError("INVALID_FAULT_CONFIG", "Exclusive fault rates add up to more than 1");
  return parsed.data;
}
