import type { JsonValue } from "@/lib/runtime";
import type { ToolInfo } from "../sampler/context";
import type { Reference } from "./refs";
import { capitalize, formatValue, lowerFirst } from "./words";

/** One call as the instruction states it: the values it names and how it refers to the rest. */
export interface CallPhrasing {
  tool: ToolInfo;
  stated: Record<string, JsonValue>;
  refs: Record<string, Reference>;
}

/** Text with spaces is quoted so its extent is clear; numbers and lists are not. */
const written = (value: JsonValue) =>
  typeof value === "string" && (/\s/.test(value) || value === "")
    ? `"${value}"`
    : formatValue(value);

/** "a {category}" filled with "access" reads "an access". */
function withArticle(before: string, value: string): string {
  return /(^|\s)a $/i.test(before) && /^([aeio]|8)/i.test(value)
    ? `${before.slice(0, -2)}an `
    : before;
}

/** Words before a placeholder that are not a name for the record ("for {x}", "by {x}"). */
const LINKING = new Set(
  "a an the and or of for to from with by on in at as into onto through via up out off over about".split(
    " ",
  ),
);

/**
 * Fills a template. A reference replaces its placeholder and the noun written just before it:
 * "for purchase order {id}" + "the new purchase order" → "for the new purchase order". When the
 * template names the record differently ("Cancel meeting {event_id}") that word is dropped, or
 * used instead of the entity's name when the reference is only "that …"/"the new …".
 */
function fillTemplate(template: string, phrasing: CallPhrasing): string {
  return template.replace(
    /((?:\b[\w-]+ ){0,3})\{([A-Za-z_][A-Za-z0-9_]*)\}/g,
    (whole, before: string, name: string, offset: number) => {
      const ref = phrasing.refs[name];
      if (!ref)
        return `${withArticle(before, formatValue(phrasing.stated[name]))}${formatValue(phrasing.stated[name])}`;
      if (ref.literal) return `${before}${ref.text}`;
      const lead = before.split(" ").filter(Boolean);
      const noun = ref.noun.toLowerCase().split(" ");
      let shared = 0;
      while (
        shared < Math.min(lead.length, noun.length) &&
        lead[lead.length - 1 - shared].toLowerCase() === noun[noun.length - 1 - shared]
      ) {
        shared++;
      }
      let text = ref.text;
      const word = lead.at(-1);
      // The template's first word is its verb ("Cancel {id}"), never a name for the record.
      const isVerb = offset === 0 && lead.length === 1;
      if (
        shared === 0 &&
        word &&
        !LINKING.has(word.toLowerCase()) &&
        !isVerb &&
        /^[a-z]+$/i.test(word)
      ) {
        shared = 1;
        if (ref.determiner) text = `${ref.determiner} ${word.toLowerCase()}`;
      }
      const kept = lead.slice(0, lead.length - shared).join(" ");
      return `${kept ? `${kept} ` : ""}${text}`;
    },
  );
}

function argumentList(entries: [string, string][]): string {
  return entries.map(([name, text]) => `${name}: ${text}`).join(", ");
}

/**
 * One call as an imperative clause. Uses the spec's phrase template when there is one (its
 * placeholders were always sampled), else the tool description; arguments the template does
 * not mention are listed after it, so every needed value is in the text.
 */
export function phraseCall(phrasing: CallPhrasing): string {
  const { tool, stated, refs } = phrasing;
  const template = tool.hint.phrase;
  const mentioned = new Set(template ? [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]) : []);
  const rest: [string, string][] = [];
  for (const input of tool.inputs) {
    if (mentioned.has(input.name)) continue;
    if (refs[input.name]) rest.push([input.name, refs[input.name].text]);
    else if (input.name in stated) rest.push([input.name, written(stated[input.name])]);
  }
  // Without a template, the description's first clause reads as the request ("Place an order").
  const head = template
    ? fillTemplate(template, phrasing)
    : tool.manifest.description.split(/[.;!]\s|[.;!]$/)[0].trim() || `Call ${tool.name}`;
  return rest.length ? `${head} (${argumentList(rest)})` : head;
}

export interface InstructionParts {
  /** Clauses of the successful calls, in order. */
  clauses: string[];
  /** Error recovery: the clause of the call expected to fail, placed first. */
  trap?: string;
  /** What to report at the end, e.g. "the balance". */
  report?: string;
}

/** Joins clauses into natural steps: "Do A. Then do B, and tell me C." */
export function composeInstruction(parts: InstructionParts): string {
  const sentences: string[] = [];
  const clauses = [...parts.clauses];
  if (parts.trap) {
    sentences.push(`Try to ${lowerFirst(parts.trap)}.`);
    sentences.push(`If that fails, ${lowerFirst(clauses.shift()!)} instead.`);
  } else {
    sentences.push(`${capitalize(clauses.shift()!)}.`);
  }
  for (const clause of clauses) sentences.push(`Then ${lowerFirst(clause)}.`);
  if (parts.report) {
    const last = sentences.pop()!.replace(/\.$/, "");
    sentences.push(`${last}, and tell me ${parts.report}.`);
  }
  return sentences.join(" ");
}
