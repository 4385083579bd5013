import { appendFile, mkdir, readFile, rename, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { checkpointSchema, type Checkpoint } from "../checkpoint";
import { TrainingError } from "../errors";
import type { IterationMetrics, RunEpisode } from "../metrics";
import { LinearPolicy, type PolicyWeights } from "../policy/linear-policy";

/** A run as plain files, for the CLI and for runs trained outside the studio. */
export const RUN_FILES = {
  metrics: "metrics.jsonl",
  episodes: "episodes.jsonl",
  checkpoint: "checkpoint.json",
  policy: "policy.json",
} as const;

const policyWeightsSchema = z.object({
  kind: z.literal("linear"),
  features: z.array(z.object({ name: z.string(), about: z.string(), weight: z.number() })),
});

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    () => false,
  );
}

/** Writes through a temporary file so a crash never leaves half a checkpoint. */
async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = `${file}.tmp`;
  await writeFile(tmp, text);
  await rename(tmp, file);
}

export class RunDirectory {
  constructor(readonly dir: string) {}

  file(name: keyof typeof RUN_FILES): string {
    return path.join(this.dir, RUN_FILES[name]);
  }

  async hasCheckpoint(): Promise<boolean> {
    return exists(this.file("checkpoint"));
  }

  async readCheckpoint(): Promise<Checkpoint> {
    return readCheckpointFile(this.file("checkpoint"));
  }

  /** Starts a fresh run: empties the JSONL files. */
  async start(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    await writeFile(this.file("metrics"), "");
    await writeFile(this.file("episodes"), "");
  }

  /**
   * Drops lines of iterations the checkpoint does not cover (written before a crash that came
   * before their checkpoint), so a resumed run appends exactly where it left off.
   */
  async truncateTo(iterations: number): Promise<void> {
    for (const name of ["metrics", "episodes"] as const) {
      const file = this.file(name);
      const text = (await exists(file)) ? await readFile(file, "utf8") : "";
      const kept = text
        .split("\n")
        .filter(
          (line) =>
            line.trim() !== "" &&
            (JSON.parse(line) as { iteration: number }).iteration < iterations,
        );
      await writeFile(file, kept.map((l) => `${l}\n`).join(""));
    }
  }

  /** Records one iteration: episodes, then metrics, then the checkpoint that covers them. */
  async recordIteration(
    metrics: IterationMetrics,
    episodes: RunEpisode[],
    checkpoint: Checkpoint,
  ): Promise<void> {
    await appendFile(this.file("episodes"), episodes.map((e) => `${JSON.stringify(e)}\n`).join(""));
    await appendFile(this.file("metrics"), `${JSON.stringify(metrics)}\n`);
    await writeAtomic(this.file("checkpoint"), JSON.stringify(checkpoint));
  }

  async writePolicy(weights: PolicyWeights): Promise<void> {
    await writeAtomic(this.file("policy"), `${JSON.stringify(weights, null, 2)}\n`);
  }
}

export async function readCheckpointFile(file: string): Promise<Checkpoint> {
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new TrainingError(
      "CHECKPOINT_INVALID",
      `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  const parsed = checkpointSchema.safeParse(value);
  if (!parsed.success)
    throw new TrainingError(
      "CHECKPOINT_INVALID",
      `${file} is not a checkpoint: ${z.prettifyError(parsed.error)}`,
    );
  return parsed.data;
}

/** A trained policy from a run directory, a `checkpoint.json` or an exported `policy.json`. */
export async function loadTrainedPolicy(
  location: string,
  options: { greedy?: boolean } = {},
): Promise<LinearPolicy> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new TrainingError("CHECKPOINT_INVALID", `${location} does not exist`);
  const file = info.isDirectory() ? path.join(location, RUN_FILES.checkpoint) : location;
  let value: unknown;
  try {
    value = JSON.parse(await readFile(file, "utf8"));
  } catch (error) {
    throw new TrainingError(
      "CHECKPOINT_INVALID",
      `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  const weights = policyWeightsSchema.safeParse(value);
  if (weights.success) return LinearPolicy.fromJSON(weights.data, { ...options, name: "trained" });
  const checkpoint = checkpointSchema.safeParse(value);
  if (checkpoint.success)
    return LinearPolicy.fromJSON(checkpoint.data.policy, { ...options, name: "trained" });
  throw new TrainingError(
    "CHECKPOINT_INVALID",
    `${file} is neither a checkpoint nor an exported policy`,
  );
}
