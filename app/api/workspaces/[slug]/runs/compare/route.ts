import { invalidInput } from "@/lib/server/errors";
import { route } from "@/lib/server/http";
import { compareRuns } from "@/lib/server/services/runs";

export const GET = route<{ slug: string }>(({ actor, params, request }) => {
  const query = new URL(request.url).searchParams;
  const a = query.get("a");
  const b = query.get("b");
  if (!a || !b) throw invalidInput("give two runs to compare: ?a=<run id>&b=<run id>");
  return compareRuns(actor, params.slug, a, b);
});
