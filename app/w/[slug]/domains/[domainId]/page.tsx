import { DomainPage } from "@/components/domains/domain-page";
import {
  type SynthesisJob,
  type SynthesisResult,
  type Tab,
  TABS,
} from "@/components/domains/types";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getDomain, listDomainRevisions } from "@/lib/server/services/domains";
import { getLlmSettings } from "@/lib/server/services/llm-settings";
import { listSynthesisJobs } from "@/lib/server/services/synthesis";

export const metadata = { title: "Domain" };

export default async function DomainRoute({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; domainId: string }>;
  searchParams: Promise<{ tab?: string; view?: string }>;
}) {
  const { slug, domainId } = await params;
  const query = await searchParams;
  const access = await pageAccess(slug);
  const domain = await orNotFound(getDomain(access.actor, slug, domainId));
  const [revisions, jobs, llm] = await Promise.all([
    listDomainRevisions(access.actor, slug, domainId),
    listSynthesisJobs(access.actor, slug, domainId),
    getLlmSettings(access.actor, slug),
  ]);
  const tab = (TABS as readonly string[]).includes(query.tab ?? "")
    ? (query.tab as Tab)
    : "description";
  return (
    <DomainPage
      key={domain.id}
      domain={{
        id: domain.id,
        name: domain.name,
        description: domain.description,
        revision: domain.revision,
        spec: domain.spec,
        environments: domain.environments.map((e) => ({
          id: e.id,
          name: e.name,
          latestVersion: e.versions[0]?.number ?? 0,
        })),
      }}
      revisions={revisions.map((r) => ({
        id: r.id,
        number: r.number,
        message: r.message,
        createdAt: r.createdAt.toISOString(),
        author: { name: r.author.name, email: r.author.email },
      }))}
      jobs={jobs.map((j): SynthesisJob => ({
        id: j.id,
        status: j.status as SynthesisJob["status"],
        progress: j.progress,
        message: j.message,
        error: j.error,
        result: (j.result ?? null) as SynthesisResult | null,
        mode: ((j.payload as { mode?: string } | null)?.mode ?? null) as SynthesisJob["mode"],
        createdAt: j.createdAt.toISOString(),
        finishedAt: j.finishedAt?.toISOString() ?? null,
      }))}
      llm={llm ? { model: llm.model } : null}
      initialTab={tab}
      initialSpecView={query.view === "json" ? "json" : "form"}
    />
  );
}
