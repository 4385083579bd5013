import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { config } from "@/lib/config";

/**
 * Secrets at rest (LLM API keys): AES-256-GCM with a key derived from ENVF_ENCRYPTION_KEY, or
 * from the session secret when that is unset. Stored as `v1:<iv>:<tag>:<ciphertext>` (base64).
 */
function key(): Buffer {
  const c = config();
  const material = c.ENVF_ENCRYPTION_KEY ?? c.BETTER_AUTH_SECRET;
  if (!material)
    throw new Error("ENVF_ENCRYPTION_KEY (or BETTER_AUTH_SECRET) must be set to store secrets");
  return createHash("sha256").update(`envf-secrets:${material}`).digest();
}

export function encryptSecret(plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key(), iv);
  const data = Buffer.concat([cipher.update(plain, "utf8"), cipher.final()]);
  return [
    "v1",
    iv.toString("base64"),
    cipher.getAuthTag().toString("base64"),
    data.toString("base64"),
  ].join(":");
}

export function decryptSecret(stored: string): string {
  const [version, iv, tag, data] = stored.split(":");
  if (version !== "v1" || !iv || !tag || !data)
    throw new Error("unreadable secret: stored in an unknown format");
  const decipher = createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64"));
  decipher.setAuthTag(Buffer.from(tag, "base64"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64")), decipher.final()]).toString(
    "utf8",
  );
}
