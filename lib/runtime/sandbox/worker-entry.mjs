// Entry of a sandbox worker thread. Plain JavaScript so that it starts the same way under tsx,
// vitest and a Next.js server bundle; it registers tsx and then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker-main.ts");
