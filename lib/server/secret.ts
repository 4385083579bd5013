import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { config } from "@/lib/config";

/**
 * The secret behind session cookies and stored API keys: BETTER_AUTH_SECRET, or one generated
 * once into DATA_DIR so every process of this installation (web app, workers) shares it.
 */
export async function ensureAuthSecret(): Promise<string> {
  const c = config();
  if (c.BETTER_AUTH_SECRET) return c.BETTER_AUTH_SECRET;
  const file = path.resolve(c.DATA_DIR, "auth-secret");
  let secret: string;
  if (existsSync(file)) secret = (await readFile(file, "utf8")).trim();
  else {
    secret = randomBytes(32).toString("hex");
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, secret, { mode: 0o600 });
  }
  process.env.BETTER_AUTH_SECRET = secret;
  return secret;
}
