import { describe, expect, it } from "vitest";
import { createRng } from "../determinism/rng";
import type { JsonValue } from "../types";
import { jsonEqual } from "./json-equal";
import { applyPatch, diffState, PatchError, reconstructState } from "./json-patch";

function randomValue(rng: () => number, depth: number): JsonValue {
  const roll = rng();
  if (depth <= 0 || roll < 0.3)
    return [null, true, 1, "x", Math.floor(rng() * 5)][Math.floor(rng() * 5)];
  if (roll < 0.6)
    return Array.from({ length: Math.floor(rng() * 4) }, () => randomValue(rng, depth - 1));
  const keys = ["a", "b", "c/d", "e~f", "__proto__", ""];
  const obj: Record<string, JsonValue> = {};
  for (const key of keys) {
    if (rng() < 0.4)
      Object.defineProperty(obj, key, {
        value: randomValue(rng, depth - 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return obj;
}

describe("diffState / applyPatch", () => {
  it("emits minimal operations for common edits", () => {
    const before = { accounts: { a: { balance: 10 } }, log: [1, 2, 3] };
    const after = { accounts: { a: { balance: 5 }, b: { balance: 0 } }, log: [1, 3] };
    expect(diffState(before, after)).toEqual([
      { op: "replace", path: "/accounts/a/balance", value: 5 },
      { op: "add", path: "/accounts/b", value: { balance: 0 } },
      { op: "remove", path: "/log/1" },
    ]);
  });

  it("round-trips 500 random document pairs, including escaped and __proto__ keys", () => {
    const rng = createRng(42);
    for (let i = 0; i < 500; i++) {
      const a = randomValue(rng, 4);
      const b = randomValue(rng, 4);
      // Equal as JSON values; RFC 6902 does not preserve the order of object keys.
      expect(jsonEqual(applyPatch(a, diffState(a, b)), b)).toBe(true);
    }
  });

  it("never touches Object.prototype when a patch writes a __proto__ key", () => {
    const doc = applyPatch({}, [
      { op: "add", path: "/__proto__", value: { polluted: true } },
    ]) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("leaves the input document unchanged and rejects patches that do not apply", () => {
    const doc = { list: [1] };
    applyPatch(doc, [{ op: "add", path: "/list/-", value: 2 }]);
    expect(doc).toEqual({ list: [1] });
    expect(() => applyPatch(doc, [{ op: "remove", path: "/missing" }])).toThrow(PatchError);
    expect(() => applyPatch(doc, [{ op: "test", path: "/list/0", value: 2 }])).toThrow(PatchError);
  });

  it("applies move and copy", () => {
    const doc = { a: { x: 1 }, b: [] };
    expect(
      applyPatch(doc, [
        { op: "copy", from: "/a/x", path: "/b/0" },
        { op: "move", from: "/a", path: "/c" },
      ]),
    ).toEqual({ b: [1], c: { x: 1 } });
  });
});

describe("reconstructState", () => {
  it("rebuilds every intermediate state from the initial state and the patches", () => {
    const states: JsonValue[] = [
      { n: 0, items: [] },
      { n: 1, items: ["a"] },
      { n: 2, items: ["a", "b"] },
      { n: 2, items: ["b"] },
    ];
    const patches = states.slice(1).map((s, i) => diffState(states[i], s));
    states.forEach((state, i) => expect(reconstructState(states[0], patches, i)).toEqual(state));
    expect(() => reconstructState(states[0], patches, 4)).toThrow(PatchError);
  });
});
