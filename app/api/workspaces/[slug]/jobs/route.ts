import { route } from "@/lib/server/http";
import { listJobs } from "@/lib/server/services/jobs";

export const GET = route<{ slug: string }>(({ actor, params }) => listJobs(actor, params.slug));
