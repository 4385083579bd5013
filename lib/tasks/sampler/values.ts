import type { Rng } from "../rng";
import type { InputField } from "../graph/schema-fields";

/** Realistic values for new records, chosen by field name (never random noise). */

const FIRST = [
  "Ada",
  "Liam",
  "Maya",
  "Noah",
  "Iris",
  "Omar",
  "Lena",
  "Ravi",
  "Sofia",
  "Tomas",
  "Yuki",
  "Elena",
];
const LAST = [
  "Moreau",
  "Okafor",
  "Lindgren",
  "Tanaka",
  "Alvarez",
  "Novak",
  "Haddad",
  "Kowalski",
  "Brennan",
  "Sato",
];
const COMPANIES = [
  "Northwind Supply",
  "Bluefin Logistics",
  "Cedar & Co",
  "Apex Components",
  "Harbor Foods",
  "Vela Systems",
];
const CITIES = ["Lisbon", "Oslo", "Toronto", "Osaka", "Nairobi", "Lyon", "Austin", "Melbourne"];
const STREETS = ["Oak Street", "Harbour Road", "Mill Lane", "Station Avenue", "Elm Court"];
const TITLES = [
  "Quarterly review",
  "Kickoff meeting",
  "Invoice follow-up",
  "Onboarding checklist",
  "Release planning",
  "Site inspection",
];
const NOTES = [
  "Requested by the customer by phone",
  "Please handle before Friday",
  "Follow-up from last week",
  "Replaced the faulty part and tested it",
];
const REASONS = [
  "a follow-up visit",
  "an annual check-up",
  "persistent back pain",
  "a billing question",
];
const WORDS = ["alpha", "harbor", "summit", "meadow", "copper", "lumen", "ridge", "willow"];
const NICE = [
  5, 10, 15, 20, 25, 30, 40, 50, 60, 75, 80, 100, 120, 150, 200, 250, 300, 400, 500, 750, 1000,
  1500, 2000,
];

const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);

function person(rng: Rng): string {
  return `${rng.pick(FIRST)} ${rng.pick(LAST)}`;
}

function isoDate(rng: Rng): string {
  const month = rng.int(1, 12);
  const day = rng.int(1, 28);
  return `2025-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

function fit(value: string, field: InputField): string {
  let out = value;
  if (field.maxLength !== undefined && out.length > field.maxLength)
    out = out.slice(0, field.maxLength);
  while (field.minLength !== undefined && out.length < field.minLength) out += "x";
  return out;
}

/** Rounds up to two significant digits: 7042.93 → 7100. */
function roundUp(value: number): number {
  const step = 10 ** Math.max(0, Math.floor(Math.log10(value)) - 1);
  return Math.ceil(value / step) * step;
}

/** Records whose `name` is a person's name; other records get a label (`server-ridge-12`). */
const PEOPLE =
  /(customer|employee|patient|person|user|passenger|guest|contact|member|owner|student|doctor|technician)/;

/**
 * A fresh string for a new record's field, by field name; `noun` is the record the tool acts on
 * (`launch_server` → server), for names that are not people's.
 */
export function freshString(field: InputField, rng: Rng, noun = ""): string {
  const n = field.name.toLowerCase();
  const f = field.format;
  const rules: [boolean, () => string][] = [
    [f === "date" || /(date|_on|deadline|due|birthday)$/.test(n), () => isoDate(rng)],
    [
      f === "date-time" || /_at$/.test(n),
      () => `${isoDate(rng)}T${String(rng.int(8, 17)).padStart(2, "0")}:00:00Z`,
    ],
    [
      f === "email" || n.includes("email"),
      () => `${rng.pick(FIRST)}.${rng.pick(LAST)}@example.com`.toLowerCase(),
    ],
    [n.includes("first_name"), () => rng.pick(FIRST)],
    [/(last_name|surname)/.test(n), () => rng.pick(LAST)],
    [
      /(company|organization|organisation|supplier|vendor|merchant|employer)/.test(n),
      () => rng.pick(COMPANIES),
    ],
    [
      n === "name" && noun !== "" && !PEOPLE.test(noun),
      () => `${noun.replace(/_/g, "-")}-${rng.pick(WORDS)}-${rng.int(2, 99)}`,
    ],
    [
      /(^|_)(name|owner|customer|person|contact|guest|patient|passenger|author|assignee|employee|holder|user)/.test(
        n,
      ),
      () => person(rng),
    ],
    [n.includes("city"), () => rng.pick(CITIES)],
    [/(address|street)/.test(n), () => `${rng.int(2, 99)} ${rng.pick(STREETS)}`],
    [n.includes("phone"), () => `+1 555-01${String(rng.int(0, 99)).padStart(2, "0")}`],
    [/(url|website|link)/.test(n) || f === "uri", () => `https://example.com/${rng.pick(WORDS)}`],
    [/(title|subject|headline|summary|topic)/.test(n), () => rng.pick(TITLES)],
    [/(reason|purpose|complaint|symptom)/.test(n), () => rng.pick(REASONS)],
    [
      /(description|note|comment|memo|message|body|text|details|resolution|reply)/.test(n),
      () => rng.pick(NOTES),
    ],
    [/(color|colour)/.test(n), () => rng.pick(["red", "blue", "green", "black", "white"])],
    [
      /(_id|_code|_key|sku|_ref)$/.test(n),
      () => `${n.slice(0, 3).toUpperCase()}-${rng.int(1000, 9999)}`,
    ],
  ];
  const rule = rules.find(([applies]) => applies);
  const value = rule ? rule[1]() : `${cap(rng.pick(WORDS))} ${cap(rng.pick(WORDS))}`;
  return fit(value, field);
}

/**
 * A number for an argument: small counts for quantities, round amounts near the values the
 * state already holds for the same field. `risky` aims above what the state can cover, to
 * provoke declared errors (insufficient funds, out of stock, over a limit).
 */
export function sampleNumber(
  field: InputField,
  known: number[],
  rng: Rng,
  risky: { stateNumbers: number[] } | false,
): number {
  const min = field.minimum ?? (field.integer ? 1 : 0.01);
  const max = field.maximum ?? Number.MAX_SAFE_INTEGER;
  const clamp = (v: number) => Math.min(max, Math.max(Math.ceil(min), v));
  const n = field.name.toLowerCase();
  if (risky) {
    // A number the state holds somewhere, rounded up: some records can cover it, others not.
    const scale = risky.stateNumbers.filter((v) => v >= Math.max(min, 2));
    if (!scale.length) return clamp(1000);
    return clamp(roundUp(rng.pick(scale)));
  }
  if (
    /(quantity|qty|count|units|seats|nights|guests|people|days|hours)/.test(n) ||
    (field.integer && max <= 100)
  ) {
    return clamp(rng.int(Math.max(1, Math.ceil(min)), Math.min(max, Math.max(Math.ceil(min), 5))));
  }
  if (/(rating|stars|score|priority|level)/.test(n) && max <= 10)
    return clamp(rng.int(Math.ceil(min), max));
  if (/(percent|discount|rate)/.test(n)) return clamp(rng.pick([5, 10, 15, 20, 25]));
  const ceiling = known.length ? Math.max(NICE[0], Math.max(...known) / 2) : 500;
  const options = NICE.filter((v) => v >= min && v <= max && v <= ceiling);
  return options.length ? rng.pick(options) : clamp(field.integer ? Math.ceil(min) : min);
}
