import { route } from "@/lib/server/http";
import { cancelJob } from "@/lib/server/services/jobs";

export const POST = route<{ slug: string; jobId: string }>(({ actor, params }) =>
  cancelJob(actor, params.slug, params.jobId),
);
