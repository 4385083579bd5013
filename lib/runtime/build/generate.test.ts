import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { GUEST_JS } from "../sandbox/guest/bundle.generated";
import { SDK_JS } from "../sdk/bundle.generated";
import { SDK_DTS } from "../sdk/dts.generated";
import { renderGenerated } from "./render";

describe("generated modules", () => {
  it("match their sources (run `npx tsx lib/runtime/build/generate.ts` when this fails)", async () => {
    const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
    const fresh = await renderGenerated(runtimeDir);
    const value = (text: string) =>
      JSON.parse(text.slice(text.indexOf("= ") + 2, text.lastIndexOf(";")));
    expect(value(fresh["sdk/dts.generated.ts"])).toBe(SDK_DTS);
    expect(value(fresh["sdk/bundle.generated.ts"])).toBe(SDK_JS);
    expect(value(fresh["sandbox/guest/bundle.generated.ts"])).toBe(GUEST_JS);
    expect(SDK_DTS).toContain("export declare function defineEnvironment");
  });
});
