-- CreateEnum
CREATE TYPE "StepKind" AS ENUM ('SINGLE', 'COUNTERSIGN', 'ANY_OF');

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseEventKind" ADD VALUE 'RESUBMITTED';
ALTER TYPE "CaseEventKind" ADD VALUE 'CLAIMED';
ALTER TYPE "CaseEventKind" ADD VALUE 'UNCLAIMED';
ALTER TYPE "CaseEventKind" ADD VALUE 'REASSIGNED';

-- AlterEnum
ALTER TYPE "CaseStatus" ADD VALUE 'RETURNED';

-- AlterEnum
ALTER TYPE "CaseType" ADD VALUE 'GENERIC_FUNDING';

-- AlterEnum
BEGIN;
CREATE TYPE "NotificationState_new" AS ENUM ('PENDING', 'SENT', 'NOT_SENT');
ALTER TABLE "public"."Notification" ALTER COLUMN "state" DROP DEFAULT;
ALTER TABLE "Notification" ALTER COLUMN "state" TYPE "NotificationState_new" USING ("state"::text::"NotificationState_new");
ALTER TYPE "NotificationState" RENAME TO "NotificationState_old";
ALTER TYPE "NotificationState_new" RENAME TO "NotificationState";
DROP TYPE "public"."NotificationState_old";
ALTER TABLE "Notification" ALTER COLUMN "state" SET DEFAULT 'PENDING';
COMMIT;

-- DropIndex
DROP INDEX "ApprovalTask_caseId_stepIndex_round_key";

-- AlterTable
ALTER TABLE "ApprovalTask" ADD COLUMN     "chainWorkflowId" TEXT,
ADD COLUMN     "leadOnly" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reminderSentAt" TIMESTAMP(3),
ADD COLUMN     "stepKind" "StepKind" NOT NULL DEFAULT 'SINGLE',
ADD COLUMN     "taskKey" TEXT;

-- Tasks opened before chains had one task per case, step and round.
UPDATE "ApprovalTask" SET "taskKey" = "caseId" || ':' || "stepIndex" || ':' || "round";
ALTER TABLE "ApprovalTask" ALTER COLUMN "taskKey" SET NOT NULL;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "onBehalfOfId" TEXT;

-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "bodyHtml" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'legacy',
ADD COLUMN     "recipientId" TEXT;
ALTER TABLE "Notification" ALTER COLUMN "bodyHtml" DROP DEFAULT, ALTER COLUMN "kind" DROP DEFAULT;

-- CreateTable
CREATE TABLE "Delegation" (
    "id" TEXT NOT NULL,
    "delegatorId" TEXT NOT NULL,
    "delegateId" TEXT NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Delegation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseCopy" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "officialId" TEXT,
    "unitId" TEXT,

    CONSTRAINT "CaseCopy_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AuditLog" (
    "id" TEXT NOT NULL,
    "actorId" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "details" JSONB NOT NULL DEFAULT '{}',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AuditLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Delegation_delegateId_startsAt_endsAt_idx" ON "Delegation"("delegateId", "startsAt", "endsAt");

-- CreateIndex
CREATE INDEX "Delegation_delegatorId_idx" ON "Delegation"("delegatorId");

-- CreateIndex
CREATE INDEX "CaseCopy_officialId_idx" ON "CaseCopy"("officialId");

-- CreateIndex
CREATE INDEX "CaseCopy_unitId_idx" ON "CaseCopy"("unitId");

-- CreateIndex
CREATE INDEX "CaseCopy_caseId_idx" ON "CaseCopy"("caseId");

-- CreateIndex
CREATE INDEX "AuditLog_actorId_at_idx" ON "AuditLog"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalTask_taskKey_key" ON "ApprovalTask"("taskKey");

-- CreateIndex
CREATE INDEX "Official_unitId_idx" ON "Official"("unitId");

-- CreateIndex
CREATE INDEX "Official_schoolId_idx" ON "Official"("schoolId");

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegatorId_fkey" FOREIGN KEY ("delegatorId") REFERENCES "Official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Delegation" ADD CONSTRAINT "Delegation_delegateId_fkey" FOREIGN KEY ("delegateId") REFERENCES "Official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseCopy" ADD CONSTRAINT "CaseCopy_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_onBehalfOfId_fkey" FOREIGN KEY ("onBehalfOfId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Notification" ADD CONSTRAINT "Notification_recipientId_fkey" FOREIGN KEY ("recipientId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

