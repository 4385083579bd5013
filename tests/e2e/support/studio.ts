import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createWriteStream, existsSync, readdirSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import net from "node:net";
import path from "node:path";

const SOURCES = ["app", "components", "lib", "next.config.js", "package-lock.json"];

function newestMtime(entry: string): number {
  if (!existsSync(entry)) return 0;
  const info = statSync(entry);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const child of readdirSync(entry)) {
    if (child === "generated" || child.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, child)));
  }
  return newest;
}

/** Builds the studio when there is no build or the sources changed since the last one. */
export async function ensureBuild() {
  const buildId = `${process.env.NEXT_DIST_DIR || ".next"}/BUILD_ID`;
  // E2E_REUSE_BUILD=1 keeps an existing build even when sources changed (quick re-runs).
  const stale =
    !existsSync(buildId) ||
    (!process.env.E2E_REUSE_BUILD &&
      Math.max(...SOURCES.map(newestMtime)) > statSync(buildId).mtimeMs);
  if (!stale) return;
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export interface RunningStudio {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * Starts the studio exactly as `npm start` does (launcher → migrations → web + worker).
 * `env` replaces settings; a key set to "" is removed (e.g. DATABASE_URL: "" for the embedded DB).
 */
export async function startStudio(env: Record<string, string>): Promise<RunningStudio> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "production" };
  for (const [key, value] of Object.entries(env)) {
    if (value === "") delete childEnv[key];
    else childEnv[key] = value;
  }
  const child = spawn(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "cli/studio.ts"],
    {
      env: childEnv,
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  await mkdir("test-results", { recursive: true });
  const log = createWriteStream(`test-results/studio-${env.PORT ?? "default"}.log`);
  child.stdout!.on("data", (d: Buffer) => {
    output += d.toString();
    log.write(d);
  });
  child.stderr!.on("data", (d: Buffer) => {
    output += d.toString();
    log.write(d);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`studio did not start in 120 s:\n${output}`)),
      120_000,
    );
    child.stdout!.on("data", () => {
      const match = /running at (http\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`studio exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    process: child,
    output: () => output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
