"use client";
import {
  Blocks,
  CalendarDays,
  Cloud,
  Landmark,
  LifeBuoy,
  type LucideIcon,
  Package,
  Plane,
  ShoppingCart,
  Stethoscope,
} from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useWorkspace } from "@/components/shell/workspace-context";
import { api, ApiError } from "@/components/ui/api";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { FormError } from "@/components/ui/field";

export interface GalleryItem {
  name: string;
  title: string;
  summary: string;
}

const ICONS: Record<string, LucideIcon> = {
  procurement: Package,
  banking: Landmark,
  flights: Plane,
  calendar: CalendarDays,
  ecommerce: ShoppingCart,
  helpdesk: LifeBuoy,
  clinic: Stethoscope,
  cloud: Cloud,
};

/** The built-in domains: each becomes a new domain of this workspace, spec included. */
export function GalleryPicker({ entries }: { entries: GalleryItem[] }) {
  const { slug, canEdit, readOnlyReason } = useWorkspace();
  const router = useRouter();
  const [pending, setPending] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function use(entry: GalleryItem) {
    setPending(entry.name);
    setError(null);
    try {
      // A second copy of the same gallery domain gets a numbered name instead of an error.
      for (let copy = 1; ; copy++) {
        try {
          const domain = await api<{ id: string }>(`/api/workspaces/${slug}/domains/from-gallery`, {
            body: {
              gallery: entry.name,
              name: copy === 1 ? undefined : `${entry.title} (${copy})`,
            },
          });
          router.push(`/w/${slug}/domains/${domain.id}`);
          return;
        } catch (e) {
          if (!(e instanceof ApiError && e.code === "conflict") || copy >= 20) throw e;
        }
      }
    } catch (e) {
      setError((e as Error).message);
      setPending(null);
    }
  }

  return (
    <section aria-labelledby="gallery-heading" className="mt-10">
      <div className="mb-3">
        <h2 id="gallery-heading" className="font-medium">
          Start from the gallery
        </h2>
        <p className="mt-0.5 text-sm text-muted">
          Realistic domains with a complete spec, ready to synthesize — or to learn the spec format
          from.
        </p>
      </div>
      <FormError message={error} />
      <ul className="mt-3 grid gap-3 sm:grid-cols-2 xl:grid-cols-4" aria-label="Gallery">
        {entries.map((entry) => {
          const Icon = ICONS[entry.name] ?? Blocks;
          return (
            <li key={entry.name}>
              <Card className="flex h-full flex-col p-4">
                <div className="flex items-center gap-2">
                  <span className="grid size-8 shrink-0 place-items-center rounded-md bg-accent/10 text-accent">
                    <Icon size={16} aria-hidden />
                  </span>
                  <p className="font-medium leading-tight">{entry.title}</p>
                </div>
                <p className="mt-2 flex-1 text-sm text-muted">{entry.summary}</p>
                <Button
                  variant="secondary"
                  size="sm"
                  className="mt-3 self-start"
                  aria-label={`Use ${entry.title}`}
                  disabled={!canEdit || pending !== null}
                  title={readOnlyReason}
                  onClick={() => void use(entry)}
                >
                  {pending === entry.name ? "Creating…" : "Use this domain"}
                </Button>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
