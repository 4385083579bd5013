/**
 * Regenerates the string modules the runtime ships (so it never reads its own source files at
 * run time, which keeps it working inside bundles such as the Next.js server):
 *   sdk/dts.generated.ts        SDK_DTS — the SDK's declarations for the editor and type-checker
 *   sdk/bundle.generated.ts     SDK_JS — the SDK as an ES module, bundled into environments
 *   sandbox/guest/bundle.generated.ts  GUEST_JS — the in-sandbox dispatcher
 * Run: npx tsx lib/runtime/build/generate.ts   (a unit test fails when they are stale)
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import prettier from "prettier";
import { renderGenerated } from "./render";

const runtimeDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
for (const [file, text] of Object.entries(await renderGenerated(runtimeDir))) {
  const target = path.join(runtimeDir, file);
  // Formatted like every other file, so that `prettier --check` stays clean after regenerating.
  const config = await prettier.resolveConfig(target);
  writeFileSync(target, await prettier.format(text, { ...config, filepath: target }));
  console.log(`wrote ${file}`);
}
