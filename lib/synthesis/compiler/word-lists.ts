/** Word lists for realistic seed values; the generated file embeds only those it uses. */
export const wordLists = {
  FIRST_NAMES: [
    "Amara",
    "Ben",
    "Chloe",
    "Dmitri",
    "Elena",
    "Farid",
    "Grace",
    "Hiro",
    "Ines",
    "Jonas",
    "Kavya",
    "Liam",
    "Maya",
    "Noah",
    "Olga",
    "Priya",
    "Quentin",
    "Rosa",
    "Samuel",
    "Tara",
    "Umar",
    "Vera",
    "Wei",
    "Yusuf",
  ],
  LAST_NAMES: [
    "Abbott",
    "Berg",
    "Castillo",
    "Dubois",
    "Eriksen",
    "Fischer",
    "Garcia",
    "Hughes",
    "Ito",
    "Jensen",
    "Kowalski",
    "Lopez",
    "Moreau",
    "Nakamura",
    "Okafor",
    "Patel",
    "Quinn",
    "Rossi",
    "Schmidt",
    "Tanaka",
    "Usman",
    "Varga",
    "Weber",
    "Zhang",
  ],
  COMPANIES: [
    "Acme Industrial",
    "Blue Harbor Supply",
    "Cobalt Systems",
    "Delta Office Goods",
    "Evergreen Traders",
    "Fjord Logistics",
    "Granite Works",
    "Helix Components",
    "Ironbridge Wholesale",
    "Juniper Labs",
    "Keystone Parts",
    "Lumen Electrical",
    "Meridian Foods",
    "Northwind Distribution",
    "Orion Hardware",
    "Pioneer Paper Co.",
    "Quarry & Sons",
    "Redwood Furnishings",
    "Summit Medical",
    "Tidewater Tech",
  ],
  CITIES: [
    "Amsterdam",
    "Austin",
    "Barcelona",
    "Berlin",
    "Boston",
    "Copenhagen",
    "Dublin",
    "Lisbon",
    "London",
    "Lyon",
    "Madrid",
    "Melbourne",
    "Milan",
    "Montreal",
    "Oslo",
    "Prague",
    "Seattle",
    "Singapore",
    "Toronto",
    "Vienna",
  ],
} as const;

export type WordList = keyof typeof wordLists;

/** Render a word list as a constant, a few entries per line. */
export function wordListSource(name: WordList): string {
  const words = wordLists[name].map((w) => JSON.stringify(w));
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    if (line.length + word.length > 96) {
      lines.push(line.trimEnd());
      line = "";
    }
    line += `${word}, `;
  }
  if (line) lines.push(line.trimEnd());
  return `const ${name} = [\n${lines.map((l) => `  ${l}`).join("\n")}\n] as const;`;
}
