/** The commendation round's records (R-AWARD-ANNUAL): nominees, their statuses and city preference. */
import type { NominationOutcome } from '../policy/commendation.js';
import type { ActivityDeps } from './deps.js';

export interface RoundSchool {
  id: string;
  code: string;
  groupId: string;
}

export interface NominationRecord {
  id: string;
  schoolId: string;
  groupId: string;
  name: string;
}

export function commendationActivities({ db, config, calendar, now = () => new Date() }: ActivityDeps) {
  return {
    /** The schools that nominate: every school of the district inside an education group. */
    async loadCommendationRound(input: { districtId: string }): Promise<{ districtName: string; schools: RoundSchool[]; groupCodes: Record<string, string> }> {
      const district = await db.district.findUniqueOrThrow({ where: { id: input.districtId } });
      const schools = await db.school.findMany({ where: { districtId: input.districtId, groupId: { not: null } }, orderBy: { code: 'asc' }, include: { group: { select: { code: true } } } });
      return {
        districtName: district.name,
        schools: schools.map((s) => ({ id: s.id, code: s.code, groupId: s.groupId as string })),
        groupCodes: Object.fromEntries(schools.map((s) => [s.groupId as string, s.group?.code ?? ''])),
      };
    },

    /** Nominations close this many ms from now: the nomination step's deadline, then the late period after escalation. */
    async msUntilNominationsClose(): Promise<number> {
      const start = now();
      const { nominationWorkingDays, lateNominationWorkingDays } = config.commendation;
      const { dueAt } = await calendar.deadline(start, nominationWorkingDays + lateNominationWorkingDays);
      return dueAt.getTime() - start.getTime();
    },

    async recordNominations(input: { caseId: string; schoolYear: number; schoolId: string; groupId: string; nominees: { name: string; reason: string; teacherId?: string | undefined }[] }): Promise<NominationRecord[]> {
      const records: NominationRecord[] = [];
      for (const n of input.nominees) {
        const row = await db.nomination.upsert({
          where: { caseId_schoolId_nomineeName: { caseId: input.caseId, schoolId: input.schoolId, nomineeName: n.name } },
          create: { caseId: input.caseId, schoolYear: input.schoolYear, schoolId: input.schoolId, nomineeName: n.name, reason: n.reason, teacherId: n.teacherId ?? null },
          update: {},
        });
        records.push({ id: row.id, schoolId: input.schoolId, groupId: input.groupId, name: n.name });
      }
      return records;
    },

    /** A school that let the nominations close: its open task expires out of the inbox, and the timeline says so. */
    async closeUnansweredNominations(input: { caseId: string; chainWorkflowId: string; schoolCode: string }): Promise<void> {
      await db.approvalTask.updateMany({ where: { chainWorkflowId: input.chainWorkflowId, state: 'PENDING' }, data: { state: 'EXPIRED', closedAt: now() } });
      const dedupeKey = `no-nomination:${input.chainWorkflowId}`;
      const comment = `${input.schoolCode} 逾期未推荐，记为无推荐 / no nomination by the deadline, recorded as none`;
      await db.caseEvent.upsert({ where: { dedupeKey }, create: { caseId: input.caseId, kind: 'MILESTONE', comment, dedupeKey }, update: {} });
    },

    async setNominationOutcomes(input: { outcomes: NominationOutcome[] }): Promise<void> {
      for (const o of input.outcomes) await db.nomination.update({ where: { id: o.nominationId }, data: { status: o.status, cityPreference: o.cityPreference } });
    },
  };
}
