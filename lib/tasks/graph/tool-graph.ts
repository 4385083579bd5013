import type { Manifest } from "@/lib/runtime";
import { entityOf, isKeyName } from "./keys";
import {
  inputFields,
  outputFields,
  toolNoun,
  type InputField,
  type OutputField,
} from "./schema-fields";

/**
 * How an output field was matched to an input:
 * - `exact`: same name (`order_id` → `order_id`);
 * - `role`: one name is the other with a role prefix (`account_id` → `from_account_id`);
 * - `entity`: a bare `id` qualified by its record's noun (`accounts[].id` → `account_id`).
 */
export type EdgeMatch = "exact" | "role" | "entity";

export interface ToolEdge {
  /** The tool whose output feeds… */
  from: string;
  /** …this tool's input. */
  to: string;
  /** The input argument fed. */
  field: string;
  /** Path of the output value, e.g. `orders[].order_id`. */
  via: string;
  match: EdgeMatch;
  /** The entity both sides identify, e.g. `account` (used to phrase references). */
  entity: string;
}

export interface ToolNode {
  name: string;
  description: string;
  readOnly: boolean;
  inputs: string[];
  /** Output paths (scalars only). */
  outputs: string[];
  errors: string[];
}

/** The tool-dependency graph as plain data the studio can store and draw. */
export interface ToolGraph {
  nodes: ToolNode[];
  edges: ToolEdge[];
}

/** A bare `id` means nothing across tools: qualify it with its record's noun. */
function qualified(name: string, noun: string | undefined): string | undefined {
  if (name === "id") return noun ? `${noun}_id` : undefined;
  return name;
}

export function matchFields(
  input: InputField,
  inputTool: string,
  output: OutputField,
): { match: EdgeMatch; entity: string } | undefined {
  if (input.kind !== output.kind || (input.kind !== "string" && input.kind !== "number")) return;
  const inName = qualified(input.name, toolNoun(inputTool));
  const outName = qualified(output.name, output.noun);
  if (!inName || !outName || !isKeyName(inName) || !isKeyName(outName)) return;
  const viaEntity = input.name === "id" || output.name === "id";
  if (inName === outName)
    return { match: viaEntity ? "entity" : "exact", entity: entityOf(outName) };
  // A role prefix needs a qualified key (`account_id`), not a bare `id`, to mean anything.
  const [long, short] = inName.length > outName.length ? [inName, outName] : [outName, inName];
  if (short.includes("_") && long.endsWith(`_${short}`))
    return { match: "role", entity: entityOf(short) };
  return;
}

/** Builds the graph: an edge wherever an output value can serve as another tool's input. */
export function buildToolGraph(manifest: Manifest): ToolGraph {
  const tools = manifest.tools.map((tool) => ({
    tool,
    inputs: inputFields(tool.inputSchema),
    outputs: outputFields(tool.outputSchema, tool.name),
  }));
  const nodes: ToolNode[] = tools.map(({ tool, inputs, outputs }) => ({
    name: tool.name,
    description: tool.description,
    readOnly: tool.readOnly,
    inputs: inputs.map((i) => i.name),
    outputs: outputs.map((o) => o.path),
    errors: Object.keys(tool.errors),
  }));
  const edges: ToolEdge[] = [];
  for (const from of tools) {
    for (const to of tools) {
      if (from.tool.name === to.tool.name) continue;
      for (const input of to.inputs) {
        for (const output of from.outputs) {
          const found = matchFields(input, to.tool.name, output);
          if (found)
            edges.push({
              from: from.tool.name,
              to: to.tool.name,
              field: input.name,
              via: output.path,
              ...found,
            });
        }
      }
    }
  }
  return { nodes, edges };
}
