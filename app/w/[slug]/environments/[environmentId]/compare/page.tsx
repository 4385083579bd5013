import { VersionCompare } from "@/components/environments/version-compare";
import { PageHeader } from "@/components/ui/card";
import { orNotFound, pageAccess } from "@/lib/server/pages";
import { getEnvironment, getEnvironmentVersion } from "@/lib/server/services/environments";

export const metadata = { title: "Compare versions" };

export default async function ComparePage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string; environmentId: string }>;
  searchParams: Promise<{ a?: string; b?: string }>;
}) {
  const { slug, environmentId } = await params;
  const query = await searchParams;
  const access = await pageAccess(slug);
  const environment = await orNotFound(getEnvironment(access.actor, slug, environmentId));
  const latest = environment.versions[0]!.number;
  const a = await orNotFound(
    getEnvironmentVersion(
      access.actor,
      slug,
      environmentId,
      Number(query.a) || Math.max(1, latest - 1),
    ),
  );
  const b = await orNotFound(
    getEnvironmentVersion(access.actor, slug, environmentId, Number(query.b) || latest),
  );
  return (
    <>
      <PageHeader title={`${environment.name}: compare versions`} />
      <VersionCompare
        base={`/w/${slug}/environments/${environmentId}`}
        versions={environment.versions.map((v) => v.number)}
        a={{ number: a.number, source: a.source }}
        b={{ number: b.number, source: b.source }}
      />
    </>
  );
}
