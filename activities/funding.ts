/** Side effects of the money cases (R-FUND-*): facts they start from, and ledger rows written once per dedupe key. */
import { activityInfo } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { subsidyDedupeKey, subsidyYearAllocations, type YearAllocation } from '../policy/funding.js';
import type { ActivityDeps } from './deps.js';

export interface SubsidySchool {
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  districtId: string;
  groupId: string;
  groupCode: string;
  coreSchoolId: string;
  foundedOn: string;
  campuses: { campusId: string; name: string }[];
}

export interface BookedEntry extends YearAllocation {
  dedupeKey: string;
}

export function fundingActivities({ db, config }: ActivityDeps) {
  return {
    /**
     * The Temporal server's time when this activity was scheduled: the clock the workflow's timers
     * run on (time skipping included), recorded in history so replays see the same value.
     */
    async fundingServerTime(): Promise<string> {
      return new Date(activityInfo().currentAttemptScheduledTimestampMs).toISOString();
    },

    /** The new school, its group's core school and its campuses; a school outside a group cannot be funded. */
    async loadSubsidySchool(input: { schoolId: string }): Promise<SubsidySchool> {
      const school = await db.school.findUnique({ where: { id: input.schoolId }, include: { group: true, campuses: { orderBy: { name: 'asc' } } } });
      const core = school?.groupId ? await db.school.findFirst({ where: { groupId: school.groupId, role: 'CORE' } }) : null;
      if (!school?.group || !core) throw ApplicationFailure.create({ type: 'SCHOOL_NOT_IN_GROUP', message: `school ${input.schoolId} is in no group with a core school`, nonRetryable: true });
      return {
        schoolId: school.id,
        schoolCode: school.code,
        schoolName: school.name,
        districtId: school.districtId,
        groupId: school.group.id,
        groupCode: school.group.code,
        coreSchoolId: core.id,
        foundedOn: school.foundedOn.toISOString(),
        campuses: school.campuses.map((c) => ({ campusId: c.id, name: c.name })),
      };
    },

    /** R-FUND-NEWSCHOOL + R-FUND-RESERVE: one approved year's ledger rows; campus money is paid to the core school. */
    async bookSubsidyYear(input: { caseId: string; school: SubsidySchool; schoolYear: number; perCampusFen: number }): Promise<BookedEntry[]> {
      const { school, schoolYear } = input;
      const entries = subsidyYearAllocations(school.campuses, input.perCampusFen, config.funding).map((a) => ({ ...a, dedupeKey: subsidyDedupeKey(school.schoolId, schoolYear, a) }));
      await db.$transaction(
        entries.map((e) =>
          db.ledgerEntry.upsert({
            where: { dedupeKey: e.dedupeKey },
            create: { kind: e.kind, schoolYear, schoolId: school.schoolId, payeeSchoolId: e.kind === 'NEW_SCHOOL_CAMPUS' ? school.coreSchoolId : school.schoolId, campusId: e.campusId, amountFen: e.amountFen, caseId: input.caseId, dedupeKey: e.dedupeKey },
            update: {},
          }),
        ),
      );
      return entries;
    },

    /** R-FUND-LECTURE: the approved fee, paid by the claiming member school to the core school's lecturer. */
    async bookLectureFee(input: { caseId: string; schoolId: string; teacherId: string; schoolYear: number; amountFen: number }): Promise<void> {
      const dedupeKey = `LECTURE_FEE:${input.caseId}`;
      await db.ledgerEntry.upsert({
        where: { dedupeKey },
        create: { kind: 'LECTURE_FEE', schoolYear: input.schoolYear, schoolId: input.schoolId, teacherId: input.teacherId, amountFen: input.amountFen, caseId: input.caseId, dedupeKey },
        update: {},
      });
    },
  };
}
