import { notFound } from "@/lib/server/errors";
import { route } from "@/lib/server/http";
import { getEnvironmentVersion } from "@/lib/server/services/environments";

export const GET = route<{ slug: string; environmentId: string; number: string }>(
  ({ actor, params }) => {
    const number = Number(params.number);
    if (!Number.isInteger(number) || number < 1) throw notFound("environment version");
    return getEnvironmentVersion(actor, params.slug, params.environmentId, number);
  },
);
