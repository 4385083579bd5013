import { route } from "@/lib/server/http";
import { listSynthesisAttempts } from "@/lib/server/services/synthesis";

export const GET = route<{ slug: string; jobId: string }>(({ actor, params }) =>
  listSynthesisAttempts(actor, params.slug, params.jobId),
);
