import { describe, expect, it } from "vitest";
import { analyzeInstruction } from "./instruction";

describe("instruction analysis", () => {
  it("finds the values an instruction states, their kind, sentence and the words before them", () => {
    const a = analyzeInstruction(
      'Find the customer matching "Ada Lovelace". Then transfer 1,250.50 EUR from account ACC-0001 to account acc_bob on 2025-06-01, and tell me the balance.',
    );
    expect(a.mentions.map((m) => [m.value, m.kind, m.clause])).toEqual([
      ["Ada Lovelace", "quoted", 0],
      [1250.5, "number", 1],
      ["ACC-0001", "id", 1],
      ["acc_bob", "id", 1],
      ["2025-06-01", "date", 1],
    ]);
    expect(a.mentions[2].before).toEqual(["account", "from", "eur"]);
    expect(a.mentions[3].before).toEqual(["account", "to"]);
    expect(a.clauses).toHaveLength(2);
    expect(a.asks).toBe(true);
    expect([...a.focus]).toEqual(["balance"]);
  });

  it("reads capitalised words inside a sentence as a name", () => {
    const a = analyzeInstruction("Open an account for Grace Hopper.");
    expect(a.mentions.map((m) => [m.value, m.kind])).toEqual([["Grace Hopper", "name"]]);
    expect(a.asks).toBe(false);
  });

  it("reads unquoted free text after an introducer, per sentence", () => {
    const a = analyzeInstruction(
      "Try to book patient PAT-0001 in slot 6 for a billing question. If that fails, book patient PAT-0001 in slot 7 for a billing question instead.",
    );
    const texts = a.mentions.filter((m) => m.kind === "text").map((m) => [m.value, m.clause]);
    expect(texts).toEqual([
      ["a billing question", 0],
      ["a billing question", 1],
    ]);
  });

  it("tells what a sentence acts on from the records it points through", () => {
    const a = analyzeInstruction(
      "Check the status of purchase order PO-0003. Then check the stock of the inventory item of purchase order PO-0003, and tell me the name.",
    );
    const refs = (clause: number) =>
      a.clauseWords[clause].flatMap((w) => (w.refOf ? [`${w.stem}<${w.refOf}`] : []));
    expect(refs(0)).toEqual(["purchase<statu", "order<statu"]);
    expect(refs(1)).toEqual(["purchase<item", "order<item"]);
    expect(a.clauseWords[1].find((w) => w.stem === "inventory")?.refOf).toBeNull();
  });
});
