import { JobList } from "@/components/jobs/job-list";
import { PageHeader } from "@/components/ui/card";
import { pageAccess } from "@/lib/server/pages";
import { listJobs } from "@/lib/server/services/jobs";

export const metadata = { title: "Jobs" };

export default async function JobsPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await pageAccess(slug);
  const jobs = await listJobs(access.actor, slug);
  return (
    <>
      <PageHeader
        title="Jobs"
        description="Long work runs in the worker: its progress updates here live, and it can be cancelled."
      />
      <JobList initial={jobs.map((j) => ({ ...j, createdAt: j.createdAt.toISOString() }))} />
    </>
  );
}
