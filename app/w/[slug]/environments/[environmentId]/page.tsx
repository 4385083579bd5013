import { EnvironmentWorkbench } from "@/components/environments/environment-workbench";
import type { ToolInfo } from "@/components/environments/playground";
import { PageHeader } from "@/components/ui/card";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getEnvironment, getEnvironmentVersion } from "@/lib/server/services/environments";

export const metadata = { title: "Environment" };

export default async function EnvironmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; environmentId: string }>;
  searchParams: Promise<{ v?: string }>;
}) {
  const { slug, environmentId } = await params;
  const { v } = await searchParams;
  const access = await pageAccess(slug);
  const environment = await orNotFound(getEnvironment(access.actor, slug, environmentId));
  const number = Number(v) || environment.versions[0]!.number;
  const version = await orNotFound(
    getEnvironmentVersion(access.actor, slug, environmentId, number),
  );
  const manifest = version.manifest as unknown as { tools: ToolInfo[] };
  return (
    <>
      <PageHeader
        title={environment.name}
        description={`${environment.domain ? `From the ${environment.domain.name} domain · ` : ""}${manifest.tools.length} tools · ${environment.versions.length} version(s)`}
      />
      <EnvironmentWorkbench
        key={version.id}
        environment={{ id: environment.id, name: environment.name }}
        version={{
          id: version.id,
          number: version.number,
          source: version.source,
          tools: manifest.tools,
          message: version.message,
          origin: version.origin,
        }}
        versions={environment.versions.map((x) => ({
          number: x.number,
          message: x.message,
          createdAt: x.createdAt.toISOString(),
        }))}
      />
    </>
  );
}
