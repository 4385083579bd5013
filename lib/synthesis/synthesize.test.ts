import { describe, expect, it } from "vitest";
import { findGalleryEntry, gallery } from "./gallery/index";
import { synthesizeFromSpec } from "./synthesize";
import { SpecInvalidError } from "./spec/validate";
import { describeReport, verifyPackage } from "./verify";
import type { DomainSpec } from "./spec/schema";

/** A deep copy to break on purpose; the tests poke at arbitrary paths, so it is untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- corrupting arbitrary paths is the point
const editable = (spec: DomainSpec): any => structuredClone(spec);

describe("synthesizeFromSpec (offline)", () => {
  it.each(gallery.map((entry) => [entry.name]))(
    "turns the %s gallery domain into a package that compiles, type-checks, matches its manifest and passes its self-tests",
    async (name) => {
      const { spec } = findGalleryEntry(name)!;
      const { pkg, warnings } = await synthesizeFromSpec(spec);
      expect(warnings).toEqual([]);

      // One tool per action, and every declared error covered by a self-test.
      expect(pkg.manifest!.tools.map((t) => t.name)).toEqual(spec.actions.map((a) => a.name));
      const testNames = pkg.tests!.tests.map((t) => t.name);
      for (const action of spec.actions) {
        expect(testNames).toContain(`${action.name} succeeds`);
        for (const code of Object.keys(action.errors ?? {})) {
          expect(
            testNames.some((n) => n.startsWith(`${action.name} raises ${code}`)),
            `${action.name} ${code}`,
          ).toBe(true);
        }
      }

      const report = await verifyPackage(pkg);
      expect(describeReport(report)).toBe("");
      expect(report.ok).toBe(true);
      expect(report.passed).toBe(pkg.tests!.tests.length);
    },
  );

  it("is deterministic: the same spec gives byte-identical files", async () => {
    for (const name of ["procurement", "calendar"]) {
      const { spec } = findGalleryEntry(name)!;
      const [a, b] = [
        await synthesizeFromSpec(spec),
        await synthesizeFromSpec(structuredClone(spec)),
      ];
      expect(b.pkg.source).toBe(a.pkg.source);
      expect(JSON.stringify(b.pkg.tests)).toBe(JSON.stringify(a.pkg.tests));
      expect(JSON.stringify(b.pkg.manifest)).toBe(JSON.stringify(a.pkg.manifest));
    }
  });

  it("writes self-tests that catch a changed rule in the code", async () => {
    const { pkg } = await synthesizeFromSpec(findGalleryEntry("banking")!.spec);
    // An off-by-one in the transfer limit and a renamed error code, as a careless edit would make.
    const edited = pkg.source
      .replace("if (args.amount > TRANSFER_LIMIT)", "if (args.amount > TRANSFER_LIMIT * 2)")
      .replace('throw new ToolError("CARD_ALREADY_BLOCKED"', 'throw new ToolError("CARD_BLOCKED"');
    expect(edited).not.toBe(pkg.source);
    const report = await verifyPackage({ ...pkg, source: edited });
    expect(report.ok).toBe(false);
    const failed = report.selfTests.filter((t) => !t.passed).map((t) => t.name);
    expect(failed).toContain("transfer_funds raises TRANSFER_LIMIT_EXCEEDED");
    expect(failed.some((n) => n.startsWith("block_card raises CARD_ALREADY_BLOCKED"))).toBe(true);
  });

  it("refuses an invalid spec with every problem", async () => {
    const spec = editable(findGalleryEntry("cloud")!.spec);
    spec.actions[0].preconditions[0].entity = "Projekt";
    spec.seed.today = "June 2nd";
    const error = await synthesizeFromSpec(spec).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SpecInvalidError);
    expect((error as SpecInvalidError).problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(["actions[0].preconditions[0].entity", "seed.today"]),
    );
  });
});
