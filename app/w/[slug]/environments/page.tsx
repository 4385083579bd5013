import { EnvironmentList } from "@/components/environments/environment-list";
import { PageHeader } from "@/components/ui/card";
import { EXAMPLE_NAMES } from "@/lib/runtime";
import { pageAccess } from "@/lib/server/pages";
import { listEnvironments } from "@/lib/server/services/environments";

export const metadata = { title: "Environments" };

export default async function EnvironmentsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const environments = await listEnvironments(access.actor, slug);
  return (
    <>
      <PageHeader
        title="Environments"
        description="Executable environments: code in an editor, tools to try, every saved version kept."
      />
      <EnvironmentList environments={environments} examples={[...EXAMPLE_NAMES]} />
    </>
  );
}
