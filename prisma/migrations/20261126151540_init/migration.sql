-- CreateEnum
CREATE TYPE "GroupKind" AS ENUM ('TIGHT', 'LOOSE');

-- CreateEnum
CREATE TYPE "SchoolRole" AS ENUM ('CORE', 'MEMBER');

-- CreateEnum
CREATE TYPE "UnitCode" AS ENUM ('EDU', 'ORG', 'HR', 'FIN', 'STAFF', 'DRC', 'TASKFORCE');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('OFFICIAL', 'SCHEDULER', 'ADMIN');

-- CreateEnum
CREATE TYPE "BackboneCategory" AS ENUM ('NONE', 'BACKBONE', 'TEACHING_STAR', 'SUBJECT_LEADER', 'SPECIAL_GRADE');

-- CreateEnum
CREATE TYPE "ProfessionalTitle" AS ENUM ('UNRANKED', 'THIRD_GRADE', 'SECOND_GRADE', 'FIRST_GRADE', 'SENIOR', 'PROFESSOR');

-- CreateEnum
CREATE TYPE "CaseType" AS ENUM ('GENERIC_APPROVAL', 'TEACHER_EXCHANGE', 'ROTATION_PLAN', 'GROUP_ASSESSMENT', 'NEW_SCHOOL_SUBSIDY', 'COMMENDATION_ROUND', 'SECONDMENT');

-- CreateEnum
CREATE TYPE "CaseStatus" AS ENUM ('RUNNING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED');

-- CreateEnum
CREATE TYPE "TaskState" AS ENUM ('PENDING', 'APPROVED', 'REJECTED', 'RETURNED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "CaseEventKind" AS ENUM ('CREATED', 'STEP_OPENED', 'APPROVED', 'REJECTED', 'RETURNED', 'WITHDRAWN', 'OVERDUE', 'ESCALATED', 'REMINDER_SENT', 'CLOSED');

-- CreateEnum
CREATE TYPE "NotificationState" AS ENUM ('PENDING', 'SENT', 'FAILED');

-- CreateTable
CREATE TABLE "District" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "District_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "EducationGroup" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "GroupKind" NOT NULL DEFAULT 'TIGHT',
    "tier" INTEGER NOT NULL DEFAULT 2,
    "districtId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EducationGroup_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "School" (
    "id" TEXT NOT NULL,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,
    "groupId" TEXT,
    "role" "SchoolRole" NOT NULL DEFAULT 'MEMBER',
    "foundedOn" DATE NOT NULL,
    "weak" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "School_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Campus" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "name" TEXT NOT NULL,

    CONSTRAINT "Campus_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" TEXT NOT NULL,
    "code" "UnitCode" NOT NULL,
    "name" TEXT NOT NULL,
    "nameEn" TEXT NOT NULL,
    "districtId" TEXT NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Official" (
    "id" TEXT NOT NULL,
    "login" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "passwordHash" TEXT NOT NULL,
    "roles" "Role"[],
    "unitId" TEXT,
    "schoolId" TEXT,
    "isUnitLead" BOOLEAN NOT NULL DEFAULT false,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Official_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Session" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "officialId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Session_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Teacher" (
    "id" TEXT NOT NULL,
    "staffNo" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "homeSchoolId" TEXT NOT NULL,
    "currentSchoolId" TEXT NOT NULL,
    "joinedGroupOn" DATE NOT NULL,
    "backbone" "BackboneCategory" NOT NULL DEFAULT 'NONE',
    "graduatingClass" BOOLEAN NOT NULL DEFAULT false,
    "title" "ProfessionalTitle" NOT NULL DEFAULT 'UNRANKED',

    CONSTRAINT "Teacher_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Case" (
    "id" TEXT NOT NULL,
    "type" "CaseType" NOT NULL,
    "workflowId" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'RUNNING',
    "title" TEXT NOT NULL,
    "subject" JSONB NOT NULL DEFAULT '{}',
    "groupId" TEXT,
    "schoolId" TEXT,
    "teacherId" TEXT,
    "initiatorId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "Case_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApprovalTask" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "stepIndex" INTEGER NOT NULL,
    "round" INTEGER NOT NULL DEFAULT 1,
    "stepKey" TEXT NOT NULL,
    "unitId" TEXT,
    "schoolId" TEXT,
    "assigneeId" TEXT,
    "state" "TaskState" NOT NULL DEFAULT 'PENDING',
    "openedAt" TIMESTAMP(3) NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "overdue" BOOLEAN NOT NULL DEFAULT false,
    "closedAt" TIMESTAMP(3),

    CONSTRAINT "ApprovalTask_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CaseEvent" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "taskId" TEXT,
    "kind" "CaseEventKind" NOT NULL,
    "actorId" TEXT,
    "comment" TEXT,
    "dedupeKey" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CaseEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "caseId" TEXT,
    "toAddress" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "bodyText" TEXT NOT NULL,
    "state" "NotificationState" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "District_code_key" ON "District"("code");

-- CreateIndex
CREATE UNIQUE INDEX "EducationGroup_code_key" ON "EducationGroup"("code");

-- CreateIndex
CREATE UNIQUE INDEX "School_code_key" ON "School"("code");

-- CreateIndex
CREATE INDEX "School_groupId_idx" ON "School"("groupId");

-- CreateIndex
CREATE UNIQUE INDEX "Campus_schoolId_name_key" ON "Campus"("schoolId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_districtId_code_key" ON "Unit"("districtId", "code");

-- CreateIndex
CREATE UNIQUE INDEX "Official_login_key" ON "Official"("login");

-- CreateIndex
CREATE UNIQUE INDEX "Session_tokenHash_key" ON "Session"("tokenHash");

-- CreateIndex
CREATE INDEX "Session_officialId_idx" ON "Session"("officialId");

-- CreateIndex
CREATE UNIQUE INDEX "Teacher_staffNo_key" ON "Teacher"("staffNo");

-- CreateIndex
CREATE INDEX "Teacher_homeSchoolId_idx" ON "Teacher"("homeSchoolId");

-- CreateIndex
CREATE INDEX "Teacher_currentSchoolId_idx" ON "Teacher"("currentSchoolId");

-- CreateIndex
CREATE UNIQUE INDEX "Case_workflowId_key" ON "Case"("workflowId");

-- CreateIndex
CREATE INDEX "Case_type_status_createdAt_idx" ON "Case"("type", "status", "createdAt");

-- CreateIndex
CREATE INDEX "Case_status_createdAt_idx" ON "Case"("status", "createdAt");

-- CreateIndex
CREATE INDEX "Case_groupId_status_idx" ON "Case"("groupId", "status");

-- CreateIndex
CREATE INDEX "Case_schoolId_status_idx" ON "Case"("schoolId", "status");

-- CreateIndex
CREATE INDEX "Case_teacherId_idx" ON "Case"("teacherId");

-- CreateIndex
CREATE INDEX "Case_initiatorId_createdAt_idx" ON "Case"("initiatorId", "createdAt");

-- CreateIndex
CREATE INDEX "ApprovalTask_state_unitId_dueAt_idx" ON "ApprovalTask"("state", "unitId", "dueAt");

-- CreateIndex
CREATE INDEX "ApprovalTask_state_schoolId_dueAt_idx" ON "ApprovalTask"("state", "schoolId", "dueAt");

-- CreateIndex
CREATE INDEX "ApprovalTask_assigneeId_state_idx" ON "ApprovalTask"("assigneeId", "state");

-- CreateIndex
CREATE INDEX "ApprovalTask_state_overdue_idx" ON "ApprovalTask"("state", "overdue");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalTask_caseId_stepIndex_round_key" ON "ApprovalTask"("caseId", "stepIndex", "round");

-- CreateIndex
CREATE UNIQUE INDEX "CaseEvent_dedupeKey_key" ON "CaseEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "CaseEvent_caseId_at_idx" ON "CaseEvent"("caseId", "at");

-- CreateIndex
CREATE INDEX "CaseEvent_actorId_at_idx" ON "CaseEvent"("actorId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "Notification_dedupeKey_key" ON "Notification"("dedupeKey");

-- CreateIndex
CREATE INDEX "Notification_state_createdAt_idx" ON "Notification"("state", "createdAt");

-- AddForeignKey
ALTER TABLE "EducationGroup" ADD CONSTRAINT "EducationGroup_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "School" ADD CONSTRAINT "School_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "EducationGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Campus" ADD CONSTRAINT "Campus_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_districtId_fkey" FOREIGN KEY ("districtId") REFERENCES "District"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Official" ADD CONSTRAINT "Official_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Official" ADD CONSTRAINT "Official_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Session" ADD CONSTRAINT "Session_officialId_fkey" FOREIGN KEY ("officialId") REFERENCES "Official"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teacher" ADD CONSTRAINT "Teacher_homeSchoolId_fkey" FOREIGN KEY ("homeSchoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Teacher" ADD CONSTRAINT "Teacher_currentSchoolId_fkey" FOREIGN KEY ("currentSchoolId") REFERENCES "School"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_groupId_fkey" FOREIGN KEY ("groupId") REFERENCES "EducationGroup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_initiatorId_fkey" FOREIGN KEY ("initiatorId") REFERENCES "Official"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalTask" ADD CONSTRAINT "ApprovalTask_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalTask" ADD CONSTRAINT "ApprovalTask_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalTask" ADD CONSTRAINT "ApprovalTask_schoolId_fkey" FOREIGN KEY ("schoolId") REFERENCES "School"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApprovalTask" ADD CONSTRAINT "ApprovalTask_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_caseId_fkey" FOREIGN KEY ("caseId") REFERENCES "Case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "ApprovalTask"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CaseEvent" ADD CONSTRAINT "CaseEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;
