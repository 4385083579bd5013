import { z } from "zod";

/**
 * Every setting the studio, worker and CLI read from the environment, validated once.
 * A bad value stops start-up with a message naming the setting and what to put there.
 */
const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(
      /^postgres(ql)?:\/\//,
      "must be a PostgreSQL URL such as postgresql://user@127.0.0.1:5432/envf",
    )
    .optional()
    .describe("PostgreSQL connection URL; when unset an embedded PostgreSQL starts under .data/"),
  PORT: z.coerce
    .number()
    .int()
    .min(1, "must be a TCP port between 1 and 65535")
    .max(65535, "must be a TCP port between 1 and 65535")
    .default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  APP_URL: z.url("must be the public URL of the studio, e.g. http://localhost:3000").optional(),
  BETTER_AUTH_SECRET: z
    .string()
    .min(32, "must be at least 32 random characters (e.g. the output of `openssl rand -hex 32`)")
    .optional(),
  ENVF_ENCRYPTION_KEY: z
    .string()
    .min(
      32,
      "must be at least 32 random characters; it encrypts LLM API keys stored in the database",
    )
    .optional(),
  ENVF_LLM_PROVIDER: z.enum(["openai-compatible", "anthropic"]).optional(),
  ENVF_LLM_BASE_URL: z
    .url("must be the base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:8000/v1")
    .optional(),
  ENVF_LLM_API_KEY: z.string().min(1).optional(),
  ENVF_LLM_MODEL: z.string().min(1).optional(),
  EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  DATA_DIR: z.string().min(1).default(".data"),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  GITHUB_CLIENT_ID: z.string().min(1).optional(),
  GITHUB_CLIENT_SECRET: z.string().min(1).optional(),
  GOOGLE_CLIENT_ID: z.string().min(1).optional(),
  GOOGLE_CLIENT_SECRET: z.string().min(1).optional(),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  readonly code = "config_invalid";
}

/** Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all. */
function withoutEmpty(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== "",
    ),
  );
}

export function parseConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(withoutEmpty(env));
  if (!result.success) {
    const lines = result.error.issues.map((issue) => {
      const key = issue.path.join(".");
      return `  ${key}=${JSON.stringify(env[key] ?? "")}: ${issue.message}`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join("\n")}`);
  }
  const config = result.data;
  for (const provider of ["GITHUB", "GOOGLE"] as const) {
    if (Boolean(config[`${provider}_CLIENT_ID`]) !== Boolean(config[`${provider}_CLIENT_SECRET`])) {
      throw new ConfigError(
        `Invalid configuration:\n  ${provider}_CLIENT_ID and ${provider}_CLIENT_SECRET must be set together (or neither) to enable ${provider.toLowerCase()} sign-in`,
      );
    }
  }
  return config;
}

/** Parsed on each call (it is cheap) so processes that set DATABASE_URL at start-up see it. */
export function config(): Config {
  return parseConfig();
}
