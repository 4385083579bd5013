import { RunCompare } from "@/components/runs/run-compare";
import { toRunSummary } from "@/components/runs/summary";
import type { IterationPoint } from "@/components/runs/types";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { compareRuns, listRuns } from "@/lib/server/services/runs";

export const metadata = { title: "Compare runs" };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { slug } = await params;
  const { a, b } = await searchParams;
  const access = await pageAccess(slug);
  const runs = (await listRuns(access.actor, slug)).map(toRunSummary);
  const result = a && b ? await orNotFound(compareRuns(access.actor, slug, a, b)) : null;
  const side = (run: NonNullable<typeof result>["a"]) => ({
    run: toRunSummary(run),
    iterations: run.iterations as unknown as IterationPoint[],
  });
  return (
    <RunCompare
      runs={runs}
      comparison={result ? { a: side(result.a), b: side(result.b), tasks: result.tasks } : null}
    />
  );
}
