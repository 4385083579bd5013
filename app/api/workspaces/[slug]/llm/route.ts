import { route } from "@/lib/server/http";
import {
  clearLlmSettings,
  getLlmSettings,
  saveLlmSettings,
} from "@/lib/server/services/llm-settings";

type P = { slug: string };
export const GET = route<P>(({ actor, params }) => getLlmSettings(actor, params.slug));
export const PUT = route<P>(async ({ actor, params, body }) =>
  saveLlmSettings(actor, params.slug, await body()),
);
export const DELETE = route<P>(({ actor, params }) => clearLlmSettings(actor, params.slug));
