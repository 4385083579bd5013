import type {
  Action,
  InlineSession,
  JsonValue,
  LoadedEnvironment,
  ToolManifest,
} from "@/lib/runtime";
import { TaskError } from "../errors";
import {
  inputFields,
  outputFields,
  type InputField,
  type OutputField,
} from "../graph/schema-fields";
import { buildToolGraph, type ToolEdge, type ToolGraph } from "../graph/tool-graph";
import { sessionFor } from "../session-cache";
import { placeholders, readSpecHints, type ToolHint } from "../spec-hints";
import { Stability } from "./stability";

export interface ToolInfo {
  name: string;
  manifest: ToolManifest;
  readOnly: boolean;
  inputs: InputField[];
  outputs: OutputField[];
  hint: ToolHint;
  /** Inputs the phrase template mentions: always filled so the template reads whole. */
  phraseInputs: Set<string>;
  incoming: ToolEdge[];
  outgoing: ToolEdge[];
}

/** Everything sampling needs about one environment, computed once per generation run. */
export interface SamplerContext {
  env: LoadedEnvironment;
  session: InlineSession;
  graph: ToolGraph;
  tools: Map<string, ToolInfo>;
  list: ToolInfo[];
  /**
   * A harmless call that reaches the environment (so it advances call indices and the clock),
   * used to find goals that depend on how many calls an agent made before.
   */
  probe: Action;
  stability: Stability;
  /** What the spec calls each entity, by key stem (`offer` → "supplier offer"). */
  nouns: Map<string, string>;
}

export async function createSamplerContext(
  env: LoadedEnvironment,
  spec?: JsonValue,
): Promise<SamplerContext> {
  if (env.manifest.tools.length === 0) {
    throw new TaskError("ENV_UNSUPPORTED", `environment ${env.manifest.name} has no tools`);
  }
  const graph = buildToolGraph(env.manifest);
  const hints = readSpecHints(spec);
  const list: ToolInfo[] = env.manifest.tools.map((manifest) => {
    const inputs = inputFields(manifest.inputSchema);
    const hint = hints.tools.get(manifest.name) ?? {};
    const names = new Set(inputs.map((i) => i.name));
    // A template naming an unknown input would never read whole: ignore it.
    const usable = hint.phrase && placeholders(hint.phrase).every((p) => names.has(p));
    return {
      name: manifest.name,
      manifest,
      readOnly: manifest.readOnly,
      inputs,
      outputs: outputFields(manifest.outputSchema, manifest.name),
      hint: usable ? hint : { ...hint, phrase: undefined },
      phraseInputs: new Set(usable ? placeholders(hint.phrase!) : []),
      incoming: graph.edges.filter((e) => e.to === manifest.name),
      outgoing: graph.edges.filter((e) => e.from === manifest.name),
    };
  });
  const probeTool = list.find((t) => t.readOnly && t.inputs.every((i) => !i.required));
  return {
    env,
    session: await sessionFor(env),
    graph,
    tools: new Map(list.map((t) => [t.name, t])),
    list,
    // No argument-free reader: an unknown tool still advances the clock (not call indices).
    probe: probeTool ? { tool: probeTool.name, args: {} } : { tool: "__envf_probe__", args: {} },
    stability: new Stability(),
    nouns: hints.nouns,
  };
}
