import { contentTokens, stem, words } from "./text";

export type MentionKind = "quoted" | "number" | "id" | "date" | "email" | "name" | "text";

/** A value written in the instruction, with the words around it. */
export interface Mention {
  value: string | number;
  kind: MentionKind;
  /** Stems of up to 3 words before it, nearest first; stops at another mention. */
  before: string[];
  /** Stems of up to 2 words after it, nearest first; stops at another mention. */
  after: string[];
  /** Order among the instruction's numeric (or, for text, non-numeric) mentions. */
  rank: number;
  /** Position among all mentions. */
  order: number;
  /** The sentence it is in (instructions chain one step per sentence: "… Then …"). */
  clause: number;
}

export interface InstructionAnalysis {
  text: string;
  lower: string;
  /** Content stems (no stopwords). */
  stems: Set<string>;
  /** Stems of the plain words in order (mentions excluded), for phrase look-ups. */
  sequence: string[];
  mentions: Mention[];
  /** Content stems of each sentence. */
  clauses: Set<string>[];
  /** The first few content stems of each sentence, where its verb and object usually are. */
  clauseHeads: Set<string>[];
  /** Whether each sentence opens by asking to look something up ("Check …", "Find which …"). */
  clauseReads: boolean[];
  /**
   * Content stems of each sentence in order, each with the stem before the "of" when it names
   * the record of an "X of <record> <id>" reference ("inventory item of *purchase order* PO-1"),
   * else null: the words a sentence points through rather than acts on.
   */
  clauseWords: { stem: string; refOf: string | null }[][];
  /** Each sentence in lower case with "_" read as a space, for phrase look-ups. */
  clauseTexts: string[];
  /** The instruction asks for information (a question or "tell/report/show …"). */
  asks: boolean;
  /** Content stems after the last "tell me / what is / report …": what the answer is about. */
  focus: Set<string>;
}

interface Item {
  raw: string;
  mention: { value: string | number; kind: MentionKind } | null;
  sentenceStart: boolean;
  clause: number;
}

const QUOTED = /"([^"]+)"|“([^”]+)”|`([^`]+)`|(?<![\w])'([^']+)'(?![\w])/g;
const NUMBER = /^[$€£]?(-?\d{1,3}(?:,\d{3})+(?:\.\d+)?|-?\d+(?:\.\d+)?)$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i;
const ASKING = new Set(
  "what how which who when where tell report show give list find check look get is are does do can".split(
    " ",
  ),
);
const HEAD_WORDS = 3;
/** English verbs that ask to look something up rather than change it ("check", "list", …). */
const READING_VERBS = new Set(
  "check find look list show see read search view count which what who whose how".split(" "),
);
const FOCUS = /\b(tell me|let me know|report|what is|what's|what are|show me|give me)\b/gi;

function classify(token: string, sentenceStart: boolean): Item["mention"] {
  if (EMAIL.test(token)) return { value: token, kind: "email" };
  if (DATE.test(token)) return { value: token, kind: "date" };
  const number = NUMBER.exec(token);
  if (number) return { value: Number(number[1].replace(/,/g, "")), kind: "number" };
  const mixed = /\d/.test(token) && /[A-Za-z]/.test(token);
  if (
    /^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)+$/.test(token) &&
    (mixed || token.includes("_") || /^[A-Z]{2,}[-_]/.test(token))
  ) {
    return { value: token, kind: "id" };
  }
  if (/^[A-Za-z0-9]+$/.test(token) && mixed) return { value: token, kind: "id" };
  if (!sentenceStart && /^[A-Z][a-z]+(-[a-z]+)*$/.test(token))
    return { value: token, kind: "name" };
  return null;
}

function splitItems(text: string): Item[] {
  const items: Item[] = [];
  let sentenceStart = true;
  let clause = 0;
  const pushPlain = (chunk: string) => {
    for (const piece of chunk.split(/\s+/)) {
      // Possessives belong to the sentence, not the value ("DOC-0001's appointments").
      const token = piece
        .replace(/^[(\[{]+/, "")
        .replace(/[)\]},;:!?.]+$/, "")
        .replace(/['’]s$/, "");
      if (token.length > 0) {
        const mention = classify(token, sentenceStart);
        const last = items[items.length - 1];
        // Consecutive capitalised words are one name ("Ada Lovelace").
        if (
          mention?.kind === "name" &&
          last?.mention?.kind === "name" &&
          !/[,;:.!?]$/.test(last.raw)
        ) {
          last.mention.value = `${last.mention.value} ${token}`;
          last.raw = piece;
        } else {
          items.push({ raw: piece, mention, sentenceStart, clause });
        }
      }
      if (piece.length > 0) {
        sentenceStart = /[.!?]$/.test(piece);
        if (sentenceStart) clause++;
      }
    }
  };
  let cursor = 0;
  for (const match of text.matchAll(QUOTED)) {
    pushPlain(text.slice(cursor, match.index));
    const value = match[1] ?? match[2] ?? match[3] ?? match[4];
    items.push({ raw: match[0], mention: { value, kind: "quoted" }, sentenceStart: false, clause });
    sentenceStart = false;
    cursor = match.index + match[0].length;
  }
  pushPlain(text.slice(cursor));
  return items;
}

function neighbours(items: Item[], at: number, step: -1 | 1, limit: number): string[] {
  const found: string[] = [];
  for (let i = at + step; i >= 0 && i < items.length && found.length < limit; i += step) {
    if (items[i].mention) break;
    const stems = words(items[i].raw).map(stem);
    if (step === -1) stems.reverse();
    found.push(...stems);
  }
  return found.slice(0, limit);
}

const SPAN_BREAKERS = new Set<MentionKind>(["id", "number", "date", "email", "quoted"]);

/** Words after which unquoted free text often follows ("for a billing question"). */
const INTRODUCERS = new Set(
  "for with about as because regarding saying titled called named".split(" "),
);

/**
 * Unquoted free text ("… for a billing question.", "… with notes: Standard priority.."): from a
 * capitalised word inside a sentence, or from the word after an introducer ("for", "notes:"),
 * to the end of the sentence or the next comma, with no other value inside. A doubled full
 * stop means the text itself ends with one.
 */
function textSpans(items: Item[]): { start: number; value: string }[] {
  const spans: { start: number; value: string }[] = [];
  const seen = new Set<string>();
  items.forEach((item, start) => {
    const previous = items[start - 1];
    const introduced =
      previous !== undefined &&
      previous.clause === item.clause &&
      !previous.mention &&
      (INTRODUCERS.has(previous.raw.toLowerCase()) || previous.raw.endsWith(":"));
    if (item.mention?.kind !== "name" && !(introduced && !item.mention && !item.raw.endsWith(":")))
      return;
    const raws = [item.raw];
    for (let j = start + 1; j < items.length && items[j].clause === item.clause; j++) {
      const next = items[j];
      if (
        (next.mention && SPAN_BREAKERS.has(next.mention.kind)) ||
        next.raw.startsWith("(") ||
        /,$/.test(raws[raws.length - 1])
      )
        return;
      raws.push(next.raw);
    }
    if (raws.length < 2 && item.mention) return;
    let value = raws.join(" ");
    value = value.endsWith("..") ? value.slice(0, -1) : value.replace(/[.,;:!?]$/, "");
    // "… for a billing question instead." — the adverb closes the sentence, not the text.
    value = value.replace(/ instead$/, "");
    const key = `${item.clause}\n${value}`;
    if (value.length === 0 || seen.has(key)) return;
    seen.add(key);
    spans.push({ start, value });
  });
  return spans;
}

/** Words naming the record of an "of <record> <id>" reference: up to 3 words, then an id. */
const REFERENCE_WORDS = 3;

/** Items naming the record of a reference → the stem of the word before its "of". */
function referenceItems(items: Item[]): Map<number, string> {
  const out = new Map<number, string>();
  items.forEach((item, at) => {
    const before = items[at - 1];
    if (item.mention || item.raw.toLowerCase() !== "of" || !before || before.mention) return;
    const head = stem(words(before.raw).pop() ?? "");
    const span: number[] = [];
    for (let j = at + 1; j < items.length && items[j].clause === item.clause; j++) {
      if (items[j].mention) {
        if (items[j].mention!.kind === "id" && span.length > 0)
          for (const k of span) out.set(k, head);
        return;
      }
      if (span.length === REFERENCE_WORDS || /[,.;:]$/.test(items[j].raw)) return;
      span.push(j);
    }
  });
  return out;
}

/** Finds the values an instruction mentions and the words that introduce them. */
export function analyzeInstruction(text: string): InstructionAnalysis {
  const items = splitItems(text);
  const mentions: Mention[] = [];
  let numeric = 0;
  let textual = 0;
  items.forEach((item, i) => {
    if (!item.mention) return;
    const rank = item.mention.kind === "number" ? numeric++ : textual++;
    mentions.push({
      ...item.mention,
      before: neighbours(items, i, -1, 3),
      after: neighbours(items, i, 1, 2),
      rank,
      order: mentions.length,
      clause: item.clause,
    });
  });
  for (const span of textSpans(items)) {
    mentions.push({
      value: span.value,
      kind: "text",
      before: neighbours(items, span.start, -1, 3),
      after: [],
      rank: textual++,
      order: mentions.length,
      clause: items[span.start].clause,
    });
  }
  const sequence = items
    .filter((item) => !item.mention)
    .flatMap((item) => words(item.raw).map(stem));
  const clauseCount = items.length === 0 ? 1 : items[items.length - 1].clause + 1;
  const clauses = Array.from({ length: clauseCount }, () => new Set<string>());
  const clauseHeads = Array.from({ length: clauseCount }, () => new Set<string>());
  const clauseWords = Array.from(
    { length: clauseCount },
    () => [] as InstructionAnalysis["clauseWords"][number],
  );
  const clauseTexts = Array.from({ length: clauseCount }, () => "");
  const referenced = referenceItems(items);
  items.forEach((item, i) => {
    clauseTexts[item.clause] += ` ${item.raw.toLowerCase().replace(/_/g, " ")}`;
    const refOf = referenced.get(i) ?? null;
    for (const token of contentTokens(item.raw)) {
      clauses[item.clause].add(token);
      clauseWords[item.clause].push({ stem: token, refOf });
      if (clauseHeads[item.clause].size < HEAD_WORDS) clauseHeads[item.clause].add(token);
    }
  });
  const clauseReads = clauseHeads.map((head) => [...head].some((t) => READING_VERBS.has(t)));
  const first = words(text)[0] ?? "";
  const focusAt = [...text.matchAll(FOCUS)].pop();
  const focusText = focusAt
    ? text.slice(focusAt.index + focusAt[0].length).split(/[.!?](\s|$)/)[0]
    : "";
  return {
    text,
    lower: text.toLowerCase(),
    stems: new Set(contentTokens(text)),
    sequence,
    mentions,
    clauses,
    clauseHeads,
    clauseReads,
    clauseWords,
    clauseTexts,
    asks: /\?\s*$/.test(text) || ASKING.has(first) || focusAt !== undefined,
    focus: new Set(contentTokens(focusText)),
  };
}

/** Index in `sequence` where the phrase's stems appear consecutively, or -1. */
export function findPhrase(sequence: readonly string[], phrase: readonly string[]): number {
  if (phrase.length === 0) return -1;
  outer: for (let i = 0; i + phrase.length <= sequence.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (sequence[i + j] !== phrase[j]) continue outer;
    return i;
  }
  return -1;
}
