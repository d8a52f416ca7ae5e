-- The working-day calendar as data the bureau maintains (issue 14 point 1).
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKING_DAY');

CREATE TABLE "CalendarYear" (
    "year" INTEGER NOT NULL,
    "source" TEXT NOT NULL,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "CalendarYear_pkey" PRIMARY KEY ("year")
);

CREATE TABLE "CalendarDay" (
    "date" TEXT NOT NULL,
    "year" INTEGER NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL DEFAULT '',
    CONSTRAINT "CalendarDay_pkey" PRIMARY KEY ("date")
);

CREATE INDEX "CalendarDay_year_idx" ON "CalendarDay"("year");

ALTER TABLE "CalendarYear" ADD CONSTRAINT "CalendarYear_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "Official"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "CalendarDay" ADD CONSTRAINT "CalendarDay_year_fkey" FOREIGN KEY ("year") REFERENCES "CalendarYear"("year") ON DELETE CASCADE ON UPDATE CASCADE;

ALTER TABLE "ApprovalTask" ADD COLUMN "deadlineWorkingDays" INTEGER;
ALTER TABLE "ApprovalTask" ADD COLUMN "dueProvisional" BOOLEAN NOT NULL DEFAULT false;

ALTER TYPE "CaseEventKind" ADD VALUE 'DEADLINE_CHANGED';
