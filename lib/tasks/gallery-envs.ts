/**
 * Test and benchmark helper: the synthesis gallery as loaded environments. It imports
 * `lib/synthesis`, which the `lib/tasks` library itself never does.
 */
import { loadEnvironment } from "@/lib/runtime";
import { gallery, synthesizeFromSpec } from "@/lib/synthesis";
import { GENERATION_LIMITS } from "./load";
import type { NamedEnvironment } from "./test-support";

export const GALLERY_NAMES = gallery.map((entry) => entry.name);

/** Synthesizes and loads one gallery domain. */
export async function galleryEnvironment(name: string): Promise<NamedEnvironment> {
  const entry = gallery.find((e) => e.name === name);
  if (!entry) throw new Error(`no gallery domain ${name}`);
  const { pkg } = await synthesizeFromSpec(entry.spec);
  const env = await loadEnvironment({ package: pkg }, { limits: GENERATION_LIMITS });
  return { name, env, spec: pkg.spec };
}
