import { route } from "@/lib/server/http";
import { getJob } from "@/lib/server/services/jobs";

export const GET = route<{ slug: string; jobId: string }>(({ actor, params }) =>
  getJob(actor, params.slug, params.jobId),
);
