import { RuntimeError } from "../errors";
import type { LoadedEnvironment } from "../session/environment";
import type { Session } from "../session/session";
import type { SessionOptions } from "../session/session-core";

export interface WorkerPoolOptions {
  threads?: number;
  workerEntry?: string;
}

export interface WorkerPool {
  createSession(env: LoadedEnvironment, options?: SessionOptions): Promise<Session>;
  close(): Promise<void>;
}

export function createWorkerPool(_options: WorkerPoolOptions = {}): WorkerPool {
  throw new RuntimeError("NOT_IMPLEMENTED", "createWorkerPool is not implemented yet");
}
