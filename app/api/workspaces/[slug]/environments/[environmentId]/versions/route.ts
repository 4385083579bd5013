import { route } from "@/lib/server/http";
import { getEnvironment, saveEnvironmentVersion } from "@/lib/server/services/environments";

type P = { slug: string; environmentId: string };
export const GET = route<P>(
  async ({ actor, params }) =>
    (await getEnvironment(actor, params.slug, params.environmentId)).versions,
);
export const POST = route<P>(async ({ actor, params, body }) =>
  saveEnvironmentVersion(actor, params.slug, params.environmentId, await body()),
);
