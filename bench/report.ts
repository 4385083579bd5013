import { existsSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../BENCHMARKS.md");

/**
 * Replaces one `## <heading>` section of BENCHMARKS.md (up to the next `## ` heading) with
 * `text`, or appends it; the other sections stay as they are. The file is formatted as the
 * repository's format check expects.
 */
export async function writeSection(heading: string, text: string): Promise<void> {
  const current = existsSync(FILE) ? readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const escaped = heading.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const pattern = new RegExp(`^## ${escaped}\\n[\\s\\S]*?(?=\\n## |$(?![\\s\\S]))`, "m");
  const body = text.trimEnd();
  const next = pattern.test(current)
    ? current.replace(pattern, `${body}\n`)
    : `${current.trimEnd()}\n\n${body}`;
  const options = (await prettier.resolveConfig(FILE)) ?? {};
  writeFileSync(FILE, await prettier.format(`${next.trimEnd()}\n`, { ...options, filepath: FILE }));
  console.error(`updated the ${heading} section of ${FILE}`);
}

/** "Machine: <cpu> (<n> cores, load average …), Node …, linux — <date>" */
export function machineLine(load = os.loadavg()[0].toFixed(1)): string {
  return `Machine: ${os.cpus()[0]?.model ?? "unknown CPU"} (${os.cpus().length} cores, load average ${load} while measuring), Node ${process.version}, ${os.platform()} — ${new Date().toISOString().slice(0, 10)}`;
}
