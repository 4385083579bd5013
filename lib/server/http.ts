import "server-only";
import { NextResponse } from "next/server";
import { type Actor, requireActor } from "@/lib/server/auth/actor";
import { AppError, invalidInput } from "@/lib/server/errors";

type Params = Record<string, string>;

interface HandlerContext<P extends Params> {
  request: Request;
  params: P;
  actor: Actor;
  /** The parsed JSON body (undefined for requests without one). */
  body: () => Promise<unknown>;
}

export function errorResponse(error: unknown): NextResponse {
  if (error instanceof AppError) {
    return NextResponse.json(
      { error: { code: error.code, message: error.message, details: error.details } },
      { status: error.status },
    );
  }
  console.error(error);
  return NextResponse.json(
    { error: { code: "internal", message: "something went wrong on the server; see its log" } },
    { status: 500 },
  );
}

/**
 * Every API route handler: identifies the caller (401 when signed out), hands the params and
 * body to a service (which authorizes against the workspace), and maps errors to one JSON shape:
 * `{ error: { code, message, details? } }`.
 */
export function route<P extends Params = Params>(
  handler: (ctx: HandlerContext<P>) => Promise<unknown>,
) {
  return async (request: Request, context: { params: Promise<P> }) => {
    try {
      const actor = await requireActor(request.headers);
      const params = await context.params;
      const body = async () => {
        const text = await request.text();
        if (!text) return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch {
          throw invalidInput("the request body is not valid JSON");
        }
      };
      const result = await handler({ request, params, actor, body });
      if (result instanceof Response) return result;
      return NextResponse.json(result ?? { ok: true });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
