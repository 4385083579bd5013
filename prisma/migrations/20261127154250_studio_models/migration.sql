-- CreateEnum
CREATE TYPE "TaskStatus" AS ENUM ('pending', 'approved', 'rejected');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('queued', 'running', 'succeeded', 'failed', 'cancelled');

-- AlterTable
ALTER TABLE "domain" ADD COLUMN     "revision" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spec" JSONB;

-- CreateTable
CREATE TABLE "domain_revision" (
    "id" UUID NOT NULL,
    "domainId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "description" TEXT NOT NULL,
    "spec" JSONB,
    "message" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "domain_revision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "domainId" UUID,
    "name" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "environment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "environment_version" (
    "id" UUID NOT NULL,
    "environmentId" UUID NOT NULL,
    "number" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "manifest" JSONB NOT NULL,
    "tests" JSONB,
    "spec" JSONB,
    "origin" TEXT NOT NULL,
    "message" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "environment_version_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "synthesis_attempt" (
    "id" UUID NOT NULL,
    "jobId" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "source" TEXT,
    "diagnostics" JSONB,
    "testResults" JSONB,
    "passed" BOOLEAN NOT NULL DEFAULT false,
    "tokensIn" INTEGER NOT NULL DEFAULT 0,
    "tokensOut" INTEGER NOT NULL DEFAULT 0,
    "latencyMs" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "synthesis_attempt_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "llm_provider" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "baseUrl" TEXT,
    "model" TEXT NOT NULL,
    "apiKeyEncrypted" TEXT,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "llm_provider_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task_set" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "environmentVersionId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "seed" INTEGER NOT NULL,
    "stats" JSONB,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "task_set_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "task" (
    "id" UUID NOT NULL,
    "taskSetId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "instruction" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "tier" INTEGER NOT NULL DEFAULT 0,
    "split" TEXT NOT NULL,
    "tags" TEXT[],
    "tools" TEXT[],
    "status" "TaskStatus" NOT NULL DEFAULT 'pending',
    "reviewNote" TEXT,
    "data" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "run" (
    "id" UUID NOT NULL,
    "workspaceId" UUID NOT NULL,
    "environmentVersionId" UUID NOT NULL,
    "taskSetId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "policy" TEXT NOT NULL,
    "algorithm" TEXT,
    "config" JSONB NOT NULL,
    "status" "RunStatus" NOT NULL DEFAULT 'queued',
    "jobId" UUID,
    "lastIteration" INTEGER NOT NULL DEFAULT -1,
    "checkpoint" JSONB,
    "error" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "iteration" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "metrics" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "iteration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "episode" (
    "id" UUID NOT NULL,
    "runId" UUID NOT NULL,
    "iteration" INTEGER NOT NULL,
    "phase" TEXT NOT NULL,
    "taskKey" TEXT NOT NULL,
    "difficulty" TEXT NOT NULL,
    "trial" INTEGER NOT NULL,
    "seed" INTEGER NOT NULL,
    "faultProfile" TEXT NOT NULL,
    "reward" DOUBLE PRECISION NOT NULL,
    "components" JSONB NOT NULL,
    "success" BOOLEAN NOT NULL,
    "faultsHit" INTEGER NOT NULL,
    "recovered" BOOLEAN NOT NULL,
    "stepCount" INTEGER NOT NULL,
    "finalAnswer" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "episode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "step" (
    "episodeId" UUID NOT NULL,
    "index" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "tool" TEXT,
    "args" JSONB,
    "observation" JSONB,
    "faults" JSONB NOT NULL,
    "patch" JSONB NOT NULL,
    "policy" JSONB,
    "clockMs" DOUBLE PRECISION NOT NULL,
    "latencyMs" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "step_pkey" PRIMARY KEY ("episodeId","index")
);

-- CreateIndex
CREATE UNIQUE INDEX "domain_revision_domainId_number_key" ON "domain_revision"("domainId", "number");

-- CreateIndex
CREATE UNIQUE INDEX "environment_workspaceId_name_key" ON "environment"("workspaceId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "environment_version_environmentId_number_key" ON "environment_version"("environmentId", "number");

-- CreateIndex
CREATE INDEX "synthesis_attempt_jobId_idx" ON "synthesis_attempt"("jobId");

-- CreateIndex
CREATE UNIQUE INDEX "llm_provider_workspaceId_key" ON "llm_provider"("workspaceId");

-- CreateIndex
CREATE INDEX "task_taskSetId_difficulty_status_idx" ON "task"("taskSetId", "difficulty", "status");

-- CreateIndex
CREATE UNIQUE INDEX "task_taskSetId_key_key" ON "task"("taskSetId", "key");

-- CreateIndex
CREATE INDEX "run_workspaceId_createdAt_idx" ON "run"("workspaceId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "iteration_runId_index_key" ON "iteration"("runId", "index");

-- CreateIndex
CREATE INDEX "episode_runId_iteration_idx" ON "episode"("runId", "iteration");

-- CreateIndex
CREATE INDEX "episode_runId_success_idx" ON "episode"("runId", "success");

-- CreateIndex
CREATE UNIQUE INDEX "episode_runId_iteration_phase_taskKey_faultProfile_trial_key" ON "episode"("runId", "iteration", "phase", "taskKey", "faultProfile", "trial");

-- AddForeignKey
ALTER TABLE "domain_revision" ADD CONSTRAINT "domain_revision_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "domain"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "environment" ADD CONSTRAINT "environment_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "environment" ADD CONSTRAINT "environment_domainId_fkey" FOREIGN KEY ("domainId") REFERENCES "domain"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "environment_version" ADD CONSTRAINT "environment_version_environmentId_fkey" FOREIGN KEY ("environmentId") REFERENCES "environment"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "llm_provider" ADD CONSTRAINT "llm_provider_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_set" ADD CONSTRAINT "task_set_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task_set" ADD CONSTRAINT "task_set_environmentVersionId_fkey" FOREIGN KEY ("environmentVersionId") REFERENCES "environment_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "task" ADD CONSTRAINT "task_taskSetId_fkey" FOREIGN KEY ("taskSetId") REFERENCES "task_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_workspaceId_fkey" FOREIGN KEY ("workspaceId") REFERENCES "workspace"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_environmentVersionId_fkey" FOREIGN KEY ("environmentVersionId") REFERENCES "environment_version"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "run" ADD CONSTRAINT "run_taskSetId_fkey" FOREIGN KEY ("taskSetId") REFERENCES "task_set"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "iteration" ADD CONSTRAINT "iteration_runId_fkey" FOREIGN KEY ("runId") REFERENCES "run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "episode" ADD CONSTRAINT "episode_runId_fkey" FOREIGN KEY ("runId") REFERENCES "run"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "step" ADD CONSTRAINT "step_episodeId_fkey" FOREIGN KEY ("episodeId") REFERENCES "episode"("id") ON DELETE CASCADE ON UPDATE CASCADE;
