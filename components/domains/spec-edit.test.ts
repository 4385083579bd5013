import { describe, expect, it } from "vitest";
import { findGalleryEntry } from "@/lib/synthesis/gallery/index";
import { validateSpec } from "@/lib/synthesis/spec/validate";
import {
  type Json,
  renameEntity,
  renameProblem,
  seedCount,
  setSeedCount,
  starterSpec,
} from "./spec-edit";
import { formatSpec, pathLocator } from "./spec-json";

const banking = () => structuredClone(findGalleryEntry("banking")!.spec) as unknown as Json;

describe("spec form edits", () => {
  it("renames an entity everywhere, and the spec stays valid", () => {
    const renamed = renameEntity(banking(), "Customer", "Client");
    expect(validateSpec(renamed)).toMatchObject({ ok: true });
    const text = JSON.stringify(renamed);
    expect(text).not.toMatch(/"Customer"/);
    expect(seedCount(renamed, "Client")).toBe(seedCount(banking(), "Customer"));
  });

  it("refuses names that are not PascalCase or already taken", () => {
    expect(renameProblem(banking(), "Customer", "client")).toMatch(/PascalCase/);
    expect(renameProblem(banking(), "Customer", "Account")).toMatch(/already/);
    expect(renameProblem(banking(), "Customer", "Customer")).toBeNull();
  });

  it("sets seed counts", () => {
    expect(seedCount(setSeedCount(banking(), "Account", 7), "Account")).toBe(7);
  });

  it("starts a domain with a valid spec", () => {
    expect(validateSpec(starterSpec("Corporate Procurement"))).toMatchObject({ ok: true });
  });
});

describe("spec text", () => {
  it("orders keys like the schema, whatever order they come in", () => {
    const text = formatSpec({
      seed: { entities: {}, today: "2026-01-01" },
      name: "x",
      specVersion: 1,
    });
    expect(text.indexOf("specVersion")).toBeLessThan(text.indexOf('"name"'));
    expect(text.indexOf('"today"')).toBeLessThan(text.indexOf('"entities"'));
  });

  it("locates a problem path in the text", () => {
    const text = formatSpec(banking());
    const locatePath = pathLocator(text)!;
    const range = locatePath("actions[1].inputs");
    const line = text.split("\n")[range!.line - 1]!;
    expect(line).toMatch(/"inputs": \{/);
    // An unknown tail falls back to the nearest existing value.
    expect(locatePath("entities[0].fields.nope.type")!.line).toBe(
      locatePath("entities[0].fields")!.line,
    );
    expect(locatePath("specVersion")).toEqual({ line: 2, column: 18, endLine: 2, endColumn: 19 });
  });
});
