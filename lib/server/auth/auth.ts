import "server-only";
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { config } from "@/lib/config";
import { db } from "@/lib/server/db/client";

function socialProviders() {
  const c = config();
  return {
    ...(c.GITHUB_CLIENT_ID && c.GITHUB_CLIENT_SECRET
      ? { github: { clientId: c.GITHUB_CLIENT_ID, clientSecret: c.GITHUB_CLIENT_SECRET } }
      : {}),
    ...(c.GOOGLE_CLIENT_ID && c.GOOGLE_CLIENT_SECRET
      ? { google: { clientId: c.GOOGLE_CLIENT_ID, clientSecret: c.GOOGLE_CLIENT_SECRET } }
      : {}),
  };
}

function createAuth() {
  const c = config();
  return betterAuth({
    appName: "EnvFactory Studio",
    baseURL: c.APP_URL ?? `http://localhost:${c.PORT}`,
    secret: c.BETTER_AUTH_SECRET,
    trustedOrigins: [
      `http://localhost:${c.PORT}`,
      `http://127.0.0.1:${c.PORT}`,
      ...(c.APP_URL ? [c.APP_URL] : []),
    ],
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    socialProviders: socialProviders(),
    plugins: [nextCookies()],
    // Per client address (Next.js passes the socket's address as x-forwarded-for). Better
    // Auth's own default for sign-in/sign-up is 3 per 10 s, which a team behind one address
    // (or a test suite) hits at once; brute force stays slow at 10 a minute.
    rateLimit: {
      customRules: {
        "/sign-in/email": { window: 60, max: 10 },
        "/sign-up/email": { window: 60, max: 10 },
      },
    },
  });
}

type Auth = ReturnType<typeof createAuth>;
const globalForAuth = globalThis as unknown as { envfAuth?: Auth };

/** Email + password accounts and sessions stored in Postgres; GitHub/Google when configured. */
export function auth(): Auth {
  globalForAuth.envfAuth ??= createAuth();
  return globalForAuth.envfAuth;
}

/** Which OAuth providers are switched on (for the sign-in page). */
export function enabledSocialProviders(): string[] {
  return Object.keys(socialProviders());
}
