"use client";
import dynamic from "next/dynamic";
import { useRouter } from "next/navigation";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";

const CodeDiff = dynamic(() => import("@/components/editor/code-editor").then((m) => m.CodeDiff), {
  ssr: false,
  loading: () => (
    <div className="grid h-full place-items-center text-sm text-muted">Loading editor…</div>
  ),
});

/** Two versions of an environment side by side (Monaco diff editor). */
export function VersionCompare({
  base,
  versions,
  a,
  b,
}: {
  base: string;
  versions: number[];
  a: { number: number; source: string };
  b: { number: number; source: string };
}) {
  const router = useRouter();
  const pick = (which: "a" | "b", value: string) =>
    router.push(
      `${base}/compare?a=${which === "a" ? value : a.number}&b=${which === "b" ? value : b.number}`,
    );
  return (
    <div className="space-y-3">
      <div className="flex items-center gap-2 text-sm">
        <Select
          aria-label="Older version"
          className="w-28"
          value={a.number}
          onChange={(e) => pick("a", e.target.value)}
        >
          {versions.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </Select>
        <span className="text-muted">→</span>
        <Select
          aria-label="Newer version"
          className="w-28"
          value={b.number}
          onChange={(e) => pick("b", e.target.value)}
        >
          {versions.map((n) => (
            <option key={n} value={n}>
              v{n}
            </option>
          ))}
        </Select>
      </div>
      <Card className="h-[70vh] overflow-hidden">
        <CodeDiff original={a.source} modified={b.source} language="typescript" />
      </Card>
    </div>
  );
}
