import { createRng, hashSeed } from "../determinism/rng";
import type { FaultRecord, Observation } from "../types";
import { FaultErrorCode } from "../types";
import { EXCLUSIVE_FAULTS, type FaultConfig, type FaultRates } from "./profiles";

type ExclusiveFault = (typeof EXCLUSIVE_FAULTS)[number];

/** What fault injection does to one step, decided before the tool runs. */
export interface FaultPlan {
  /** A fault that replaces the answer (the tool still runs for malformed/truncated ones). */
  exclusive: ExclusiveFault | null;
  /** Serve an earlier result if this is a read-only call answered before. */
  stale: boolean;
  /** Extra virtual latency from a `latency` fault (0 when none). */
  latencyMs: number;
  retryAfterMs: number;
  /** Where to cut or corrupt a response, in [0, 1). */
  cut: number;
}

const DEFAULT_LATENCY: [number, number] = [50, 2000];
const DEFAULT_RETRY_AFTER: [number, number] = [500, 5000];
const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * Seeded per session from (seed, "faults"), independent of the environment's generator, and
 * always drawing the same count per step so one step's faults never shift another's.
 */
export class FaultInjector {
  private readonly rng: () => number;

  constructor(
    private readonly config: FaultConfig,
    seed: number,
  ) {
    this.rng = createRng(hashSeed(seed, "faults"));
  }

  get timeoutMs(): number {
    return this.config.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  }

  plan(tool: string): FaultPlan {
    const [uFault, uStale, uLatency, uParam, uCut] = [
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
      this.rng(),
    ];
    const rates: FaultRates = { ...this.config.rates, ...this.config.perTool?.[tool] };
    let exclusive: ExclusiveFault | null = null;
    let edge = 0;
    for (const kind of EXCLUSIVE_FAULTS) {
      edge += rates[kind] ?? 0;
      if (uFault < edge) {
        exclusive = kind;
        break;
      }
    }
    const [latMin, latMax] = this.config.latencyMs ?? DEFAULT_LATENCY;
    const [raMin, raMax] = this.config.retryAfterMs ?? DEFAULT_RETRY_AFTER;
    return {
      exclusive,
      stale: uStale < (rates.stale_read ?? 0),
      latencyMs:
        uLatency < (rates.latency ?? 0) ? Math.round(latMin + uParam * (latMax - latMin)) : 0,
      // Whole 100 ms steps read like real Retry-After headers.
      retryAfterMs: Math.round((raMin + uParam * (raMax - raMin)) / 100) * 100,
      cut: uCut,
    };
  }
}

/** The observation for a fault that stops the call before it reaches the tool. */
export function failedCallObservation(
  kind: "service_unavailable" | "timeout" | "rate_limit",
  plan: FaultPlan,
  timeoutMs: number,
): { observation: Observation; record: FaultRecord } {
  switch (kind) {
    case "service_unavailable":
      return {
        observation: {
          ok: false,
          error: {
            code: FaultErrorCode.SERVICE_UNAVAILABLE,
            message: "The service is temporarily unavailable. Retry later.",
          },
        },
        record: { kind },
      };
    case "timeout":
      return {
        observation: {
          ok: false,
          error: {
            code: FaultErrorCode.TIMEOUT,
            message: `The tool did not answer within ${timeoutMs} ms.`,
          },
        },
        record: { kind, latencyMs: timeoutMs },
      };
    case "rate_limit":
      return {
        observation: {
          ok: false,
          error: {
            code: FaultErrorCode.RATE_LIMITED,
            message: `Too many requests. Retry after ${plan.retryAfterMs} ms.`,
            retryAfterMs: plan.retryAfterMs,
          },
        },
        record: { kind, retryAfterMs: plan.retryAfterMs },
      };
  }
}

const GATEWAY_PAGE =
  "<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>";

/** Breaks a successful response's JSON text; the tool already ran and its state change stays. */
export function brokenResponseObservation(
  kind: "malformed_response" | "truncated_response",
  text: string,
  cut: number,
): Observation {
  if (kind === "truncated_response") {
    return {
      ok: false,
      error: {
        code: FaultErrorCode.TRUNCATED_RESPONSE,
        message: "The response was cut off before it ended.",
        raw: text.slice(0, Math.floor(cut * text.length)),
      },
    };
  }
  return {
    ok: false,
    error: {
      code: FaultErrorCode.MALFORMED_RESPONSE,
      message: "The response is not valid JSON.",
      raw: malform(text, cut),
    },
  };
}

/** Either an HTML error page or the JSON with one structural character dropped. */
function malform(text: string, cut: number): string {
  const structural: number[] = [];
  for (let i = 0; i < text.length; i++) if ('{}[]:,"'.includes(text[i])) structural.push(i);
  if (cut < 0.3 || structural.length === 0) return GATEWAY_PAGE;
  const at = structural[Math.floor(((cut - 0.3) / 0.7) * structural.length)];
  return text.slice(0, at) + text.slice(at + 1);
}
