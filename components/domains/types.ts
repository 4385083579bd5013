/** What the domain pages receive from the server (dates as ISO strings). */

export const TABS = ["description", "spec", "revisions", "synthesize"] as const;
export type Tab = (typeof TABS)[number];
export type SpecView = "form" | "json";

export interface DomainView {
  id: string;
  name: string;
  description: string;
  revision: number;
  spec: unknown;
  environments: { id: string; name: string; latestVersion: number }[];
}

export interface RevisionView {
  id: string;
  number: number;
  message: string;
  createdAt: string;
  author: { name: string; email: string };
}

export type JobStatus = "queued" | "running" | "succeeded" | "failed" | "cancelled";
export type SynthesisMode = "spec" | "llm";

export interface SynthesisResult {
  status?: "published" | "cancelled";
  environmentId?: string;
  version?: number;
  passed?: number;
  total?: number;
  attempts?: number;
  tokens?: { input?: number; output?: number };
}

export interface SynthesisJob {
  id: string;
  status: JobStatus;
  progress: number;
  message: string;
  error: string | null;
  result: SynthesisResult | null;
  mode: SynthesisMode | null;
  createdAt: string;
  finishedAt: string | null;
}

export interface AttemptView {
  id: string;
  attempt: number;
  stage: "spec" | "verify" | string;
  source: string | null;
  diagnostics: unknown;
  testResults: {
    passed?: number;
    total?: number;
    failed?: { name: string; failures: string[] }[];
    summary?: string;
  } | null;
  passed: boolean;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  createdAt: string;
}

export interface SpecProblem {
  path: string;
  message: string;
}

export const isActive = (status: JobStatus) => status === "queued" || status === "running";
