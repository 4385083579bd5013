import { writePackage } from "@/lib/runtime";
import { findGalleryEntry, gallery } from "@/lib/synthesis/gallery/index";
import { synthesizeFromSpec } from "@/lib/synthesis/synthesize";
import { CliError, type Command } from "../command";
import { describeWritten } from "./synth";

const usage = `Usage:
  npm run envf -- gallery list
  npm run envf -- gallery export <name> --out <dir>

list    one built-in domain per line: short name, title, summary
export  synthesize a built-in domain into a full environment package (environment.ts,
        manifest.json, tests.json, spec.json); its spec.json is accepted by \`synth --spec\``;

export const galleryCommand: Command = {
  name: "gallery",
  summary: "List the built-in domains, or export one as an environment package",
  usage,
  options: { out: { type: "string", short: "o" } },
  async run({ positionals, values }) {
    const [action, name] = positionals;
    if (action === "list") {
      const width = Math.max(...gallery.map((entry) => entry.name.length));
      for (const entry of gallery)
        console.log(`${entry.name.padEnd(width)}  ${entry.title} — ${entry.summary}`);
      return 0;
    }
    if (action === "export") {
      if (!name) throw new CliError("bad_arguments", `name the domain to export.\n\n${usage}`, 2);
      const entry = findGalleryEntry(name);
      if (!entry) {
        throw new CliError(
          "unknown_domain",
          `no built-in domain "${name}"; choose one of: ${gallery.map((e) => e.name).join(", ")}`,
        );
      }
      const out = values.out;
      if (typeof out !== "string")
        throw new CliError("bad_arguments", `--out <dir> is required.\n\n${usage}`, 2);
      const { pkg } = await synthesizeFromSpec(entry.spec);
      await writePackage(out, pkg);
      console.log(describeWritten(out, pkg));
      return 0;
    }
    throw new CliError("bad_arguments", `expected "list" or "export".\n\n${usage}`, 2);
  },
};
