-- CreateEnum
CREATE TYPE "ExchangeStatus" AS ENUM ('APPROVED', 'ACTIVE', 'COMPLETED', 'ENDED_EARLY', 'REFUSED', 'REJECTED');

-- CreateEnum
CREATE TYPE "TitlePointReason" AS ENUM ('EXCHANGE_REFUSAL', 'CORE_TO_MEMBER_BONUS');

-- CreateEnum
CREATE TYPE "AssessmentKind" AS ENUM ('ANNUAL', 'FULL_REVIEW');

-- CreateEnum
CREATE TYPE "LedgerKind" AS ENUM ('NEW_SCHOOL_CAMPUS', 'NEW_SCHOOL_RESERVE', 'LECTURE_FEE');

-- CreateEnum
CREATE TYPE "NominationStatus" AS ENUM ('NOMINATED', 'GROUP_ENDORSED', 'DISTRICT_LISTED', 'CITY_RECOMMENDED', 'NOT_SELECTED');

-- CreateEnum
CREATE TYPE "CityPreference" AS ENUM ('MOST_BEAUTIFUL_TEACHER', 'EXCELLENT_HEAD_TEACHER');

-- CreateEnum
CREATE TYPE "SecondmentDirection" AS ENUM ('CORE_TO_MEMBER', 'MEMBER_TO_CORE', 'NEW_SCHOOL');

-- AlterEnum
ALTER TYPE "CaseEventKind" ADD VALUE 'MILESTONE';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseStatus" ADD VALUE 'COMPLETED';
ALTER TYPE "CaseStatus" ADD VALUE 'ENDED_EARLY';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "CaseType" ADD VALUE 'EXCHANGE_REFUSAL';
ALTER TYPE "CaseType" ADD VALUE 'GROUP_CHANGE';
ALTER TYPE "CaseType" ADD VALUE 'STAFFING_ADJUSTMENT';
ALTER TYPE "CaseType" ADD VALUE 'LECTURE_FEE';
ALTER TYPE "CaseType" ADD VALUE 'CADRE_PLACEMENT';

-- AlterEnum
ALTER TYPE "SchoolRole" ADD VALUE 'SUB_CORE';

-- DropForeignKey
ALTER TABLE "Case" DROP CONSTRAINT "Case_initiatorId_fkey";

-- AlterTable
ALTER TABLE "ApprovalTask" ADD COLUMN     "formKind" TEXT;

-- AlterTable
ALTER TABLE "Case" ALTER COLUMN "initiatorId" DROP NOT NULL;

-- AlterTable
ALTER TABLE "CaseEvent" ADD COLUMN     "form" JSONB;

-- AlterTable
ALTER TABLE "Teacher" ADD COLUMN     "supportYears" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "weakSchoolYears" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "TeacherExchange" (
    "id" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "fromSchoolId" TEXT NOT NULL,
    "toSchoolId" TEXT NOT NULL,
    "startSchoolYear" INTEGER NOT NULL,
    "termSchoolYears" INTEGER NOT NULL,
    "status" "ExchangeStatus" NOT NULL DEFAULT 'APPROVED',
    "supportCredit" BOOLEAN NOT NULL DEFAULT false,
    "coreToMember" BOOLEAN NOT NULL DEFAULT false,
    "startedAt" TIMESTAMP(3),
    "endedAt" TIMESTAMP(3),
    "endReason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeacherExchange_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TeacherAssessment" (
    "id" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "score" INTEGER NOT NULL,
    "remarks" TEXT,
    "caseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TeacherAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "TitlePointEntry" (
    "id" TEXT NOT NULL,
    "teacherId" TEXT NOT NULL,
    "points" INTEGER NOT NULL,
    "reason" "TitlePointReason" NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "caseId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "TitlePointEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RotationPlan" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "caseId" TEXT NOT NULL,
    "teacherCount" INTEGER NOT NULL,
    "dueCount" INTEGER NOT NULL,
    "entries" JSONB NOT NULL DEFAULT '[]',
    "plannedCount" INTEGER NOT NULL DEFAULT 0,
    "backboneCount" INTEGER NOT NULL DEFAULT 0,
    "meetsQuota" BOOLEAN NOT NULL DEFAULT false,
    "meetsBackbone" BOOLEAN NOT NULL DEFAULT false,
    "justification" TEXT,
    "approvedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RotationPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "GroupAssessment" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "kind" "AssessmentKind" NOT NULL,
    "caseId" TEXT NOT NULL,
    "selfAssessment" JSONB,
    "score" INTEGER,
    "tierBefore" INTEGER NOT NULL,
    "tierAfter" INTEGER,
    "structure" JSONB,
    "publishedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "GroupAssessment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LedgerEntry" (
    "id" TEXT NOT NULL,
    "kind" "LedgerKind" NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "schoolId" TEXT NOT NULL,
    "payeeSchoolId" TEXT,
    "campusId" TEXT,
    "teacherId" TEXT,
    "amountFen" INTEGER NOT NULL,
    "caseId" TEXT NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LedgerEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Nomination" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "schoolId" TEXT NOT NULL,
    "teacherId" TEXT,
    "nomineeName" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "status" "NominationStatus" NOT NULL DEFAULT 'NOMINATED',
    "cityPreference" "CityPreference",
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Nomination_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Secondment" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "direction" "SecondmentDirection" NOT NULL,
    "fromSchoolId" TEXT NOT NULL,
    "toSchoolId" TEXT NOT NULL,
    "members" JSONB NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Secondment_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AllianceLink" (
    "id" TEXT NOT NULL,
    "schoolId" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AllianceLink_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StaffingAllocation" (
    "id" TEXT NOT NULL,
    "groupId" TEXT NOT NULL,
    "schoolYear" INTEGER NOT NULL,
    "schoolId" TEXT NOT NULL,
    "enrolment" INTEGER NOT NULL,
    "quota" INTEGER NOT NULL,
    "caseId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StaffingAllocation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CadrePlacement" (
    "id" TEXT NOT NULL,
    "caseId" TEXT NOT NULL,
    "candidateName" TEXT NOT NULL,
    "teacherId" TEXT,
    "flagshipSchool" TEXT NOT NULL,
    "startsOn" DATE NOT NULL,
    "endsOn" DATE NOT NULL,
    "deployedToSchoolId" TEXT,
    "deploymentNote" TEXT,
    "status" TEXT NOT NULL DEFAULT 'PENDING',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CadrePlacement_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TeacherExchange_caseId_key" ON "TeacherExchange"("caseId");

-- CreateIndex
CREATE INDEX "TeacherExchange_groupId_startSchoolYear_idx" ON "TeacherExchange"("groupId", "startSchoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherExchange_teacherId_startSchoolYear_key" ON "TeacherExchange"("teacherId", "startSchoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "TeacherAssessment_teacherId_schoolYear_key" ON "TeacherAssessment"("teacherId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "TitlePointEntry_dedupeKey_key" ON "TitlePointEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "TitlePointEntry_teacherId_idx" ON "TitlePointEntry"("teacherId");

-- CreateIndex
CREATE UNIQUE INDEX "RotationPlan_caseId_key" ON "RotationPlan"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "RotationPlan_groupId_schoolYear_key" ON "RotationPlan"("groupId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "GroupAssessment_caseId_key" ON "GroupAssessment"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "GroupAssessment_groupId_schoolYear_key" ON "GroupAssessment"("groupId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "LedgerEntry_dedupeKey_key" ON "LedgerEntry"("dedupeKey");

-- CreateIndex
CREATE INDEX "LedgerEntry_schoolId_schoolYear_idx" ON "LedgerEntry"("schoolId", "schoolYear");

-- CreateIndex
CREATE INDEX "Nomination_schoolYear_status_idx" ON "Nomination"("schoolYear", "status");

-- CreateIndex
CREATE UNIQUE INDEX "Nomination_caseId_schoolId_nomineeName_key" ON "Nomination"("caseId", "schoolId", "nomineeName");

-- CreateIndex
CREATE UNIQUE INDEX "Secondment_caseId_key" ON "Secondment"("caseId");

-- CreateIndex
CREATE UNIQUE INDEX "AllianceLink_schoolId_groupId_key" ON "AllianceLink"("schoolId", "groupId");

-- CreateIndex
CREATE INDEX "StaffingAllocation_groupId_schoolYear_idx" ON "StaffingAllocation"("groupId", "schoolYear");

-- CreateIndex
CREATE UNIQUE INDEX "StaffingAllocation_schoolYear_schoolId_key" ON "StaffingAllocation"("schoolYear", "schoolId");

-- CreateIndex
CREATE UNIQUE INDEX "CadrePlacement_caseId_key" ON "CadrePlacement"("caseId");

-- AddForeignKey
ALTER TABLE "Case" ADD CONSTRAINT "Case_initiatorId_fkey" FOREIGN KEY ("initiatorId") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherExchange" ADD CONSTRAINT "TeacherExchange_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TeacherAssessment" ADD CONSTRAINT "TeacherAssessment_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "TitlePointEntry" ADD CONSTRAINT "TitlePointEntry_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Nomination" ADD CONSTRAINT "Nomination_teacherId_fkey" FOREIGN KEY ("teacherId") REFERENCES "Teacher"("id") ON DELETE SET NULL ON UPDATE CASCADE;

