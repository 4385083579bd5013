import type { DomainSpec } from "../spec/schema";
import { banking } from "./banking";
import { calendar } from "./calendar";
import { clinic } from "./clinic";
import { cloud } from "./cloud";
import { ecommerce } from "./ecommerce";
import { flights } from "./flights";
import { helpdesk } from "./helpdesk";
import { procurement } from "./procurement";

/** A built-in domain: a realistic spec to start from or to learn the format by. */
export interface GalleryEntry {
  /** Short name, as typed on the command line (`envf gallery export procurement`). */
  name: string;
  title: string;
  summary: string;
  spec: DomainSpec;
}

const specs: DomainSpec[] = [
  procurement,
  banking,
  flights,
  calendar,
  ecommerce,
  helpdesk,
  clinic,
  cloud,
];

export const gallery: readonly GalleryEntry[] = specs.map((spec) => ({
  name: spec.name,
  title: spec.title,
  summary: spec.summary,
  spec,
}));

export function findGalleryEntry(name: string): GalleryEntry | undefined {
  return gallery.find((entry) => entry.name === name);
}
