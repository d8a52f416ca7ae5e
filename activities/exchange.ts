/**
 * The teacher records an exchange term, a refusal and a rotation plan write (R-EXCH-*,
 * R-EVAL-UNIFIED). Each write is keyed by a natural key, so a retried activity writes nothing twice.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../generated/prisma/client.js';
import { checkQuota, isoDay, teachersDue, weakSchoolYearsAfter, type BackboneCode, type QuotaCheck, type SchoolRoleCode } from '../policy/exchange.js';
import type { ActivityDeps } from './deps.js';

export interface ExchangeFacts {
  districtId: string;
  groupId: string;
  groupCode: string;
  coreSchoolId: string;
  teacher: { id: string; name: string; staffNo: string; homeSchoolId: string; weakSchoolYears: number };
  from: { id: string; code: string; name: string; role: SchoolRoleCode };
  to: { id: string; code: string; name: string; role: SchoolRoleCode; weak: boolean; foundedOn: string };
}

export interface PlanEntry {
  teacherId: string;
  toSchoolId: string;
}

export interface PlanCheck {
  /** Entries that name no teacher of the group, no school of the group, or the teacher's own school. */
  problems: { teacherId: string; problem: 'TEACHER_NOT_IN_GROUP' | 'SCHOOL_NOT_IN_GROUP' | 'SAME_SCHOOL' }[];
  quota: QuotaCheck;
}

const refuse = (type: string, message: string) => ApplicationFailure.create({ type, message, nonRetryable: true });

export function exchangeActivities({ db, config }: ActivityDeps) {
  return {
    /**
     * The workflow's own clock: when the server scheduled this call. In production that is the wall
     * clock; on the time-skipping test server it is the skipped-to time the workflow timers run on.
     */
    async exchangeNow(): Promise<string> {
      return new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString();
    },

    /** The teacher, the two schools and their group; fails at once when the exchange cannot be. */
    async exchangeFacts(input: { teacherId: string; toSchoolId: string }): Promise<ExchangeFacts> {
      const teacher = await db.teacher.findUnique({ where: { id: input.teacherId }, include: { homeSchool: { include: { group: true } } } });
      const to = await db.school.findUnique({ where: { id: input.toSchoolId } });
      if (!teacher || !to) throw refuse('NOT_FOUND', 'No such teacher or school.');
      const from = teacher.homeSchool;
      if (!from.groupId || !from.group || to.groupId !== from.groupId) throw refuse('EXCHANGE_OUTSIDE_GROUP', 'The destination is not a school of the teacher’s group.');
      if (to.id === from.id) throw refuse('EXCHANGE_SAME_SCHOOL', 'The destination is the teacher’s own school.');
      const core = await db.school.findFirst({ where: { groupId: from.groupId, role: 'CORE' } });
      if (!core) throw refuse('ROUTE_UNRESOLVED', 'The group has no core school.');
      return {
        districtId: from.districtId,
        groupId: from.groupId,
        groupCode: from.group.code,
        coreSchoolId: core.id,
        teacher: { id: teacher.id, name: teacher.name, staffNo: teacher.staffNo, homeSchoolId: from.id, weakSchoolYears: teacher.weakSchoolYears },
        from: { id: from.id, code: from.code, name: from.name, role: from.role },
        to: { id: to.id, code: to.code, name: to.name, role: to.role, weak: to.weak, foundedOn: isoDay(to.foundedOn, config) },
      };
    },

    /** The approved term, once per teacher and school year. */
    async recordExchangeApproved(input: { caseId: string; teacherId: string; groupId: string; fromSchoolId: string; toSchoolId: string; startSchoolYear: number; termSchoolYears: number; supportCredit: boolean; coreToMember: boolean }): Promise<void> {
      await db.teacherExchange.upsert({ where: { teacherId_startSchoolYear: { teacherId: input.teacherId, startSchoolYear: input.startSchoolYear } }, create: input, update: {} });
    },

    /** The term starts: the teacher now teaches at the destination. */
    async activateExchange(input: { caseId: string; teacherId: string; toSchoolId: string; startedAt: string }): Promise<void> {
      await db.$transaction([
        db.teacherExchange.update({ where: { caseId: input.caseId }, data: { status: 'ACTIVE', startedAt: new Date(input.startedAt) } }),
        db.teacher.update({ where: { id: input.teacherId }, data: { currentSchoolId: input.toSchoolId } }),
      ]);
    },

    /** R-EVAL-UNIFIED: one score per teacher and school year, in the group's one assessment system. */
    async recordTeacherScore(input: { caseId: string; teacherId: string; schoolYear: number; score: number; remarks?: string }): Promise<void> {
      const data = { score: input.score, remarks: input.remarks ?? null, caseId: input.caseId };
      await db.teacherAssessment.upsert({ where: { teacherId_schoolYear: { teacherId: input.teacherId, schoolYear: input.schoolYear } }, create: { teacherId: input.teacherId, schoolYear: input.schoolYear, ...data }, update: data });
    },

    /**
     * R-EXCH-RETURN, R-EXCH-SUPPORT, R-EXCH-SPECIALPOST, R-EXCH-REFUSAL (bonus): the teacher is back at
     * the home school and the records take the years served. Applied once: a retry finds the term closed.
     */
    async closeExchange(input: { caseId: string; status: 'COMPLETED' | 'ENDED_EARLY'; endedAt: string; endReason?: string; yearsServed: number; destinationWeak: boolean; bonusPoints: number; bonusSchoolYear: number }): Promise<void> {
      await db.$transaction(async (tx) => {
        const term = await tx.teacherExchange.findUniqueOrThrow({ where: { caseId: input.caseId }, include: { teacher: true } });
        if (term.status === 'COMPLETED' || term.status === 'ENDED_EARLY') return;
        await tx.teacherExchange.update({ where: { id: term.id }, data: { status: input.status, endedAt: new Date(input.endedAt), endReason: input.endReason ?? null } });
        await tx.teacher.update({
          where: { id: term.teacherId },
          data: {
            currentSchoolId: term.fromSchoolId,
            supportYears: term.supportCredit ? term.teacher.supportYears + input.yearsServed : term.teacher.supportYears,
            weakSchoolYears: weakSchoolYearsAfter(term.teacher.weakSchoolYears, input.yearsServed, input.destinationWeak),
          },
        });
        if (input.bonusPoints !== 0) {
          await tx.titlePointEntry.create({ data: { teacherId: term.teacherId, points: input.bonusPoints, reason: 'CORE_TO_MEMBER_BONUS', schoolYear: input.bonusSchoolYear, caseId: input.caseId, dedupeKey: `exchange-bonus:${input.caseId}` } });
        }
      });
    },

    /** Tasks of a term's chains that an early end left open leave the inboxes. */
    async cancelOpenExchangeTasks(input: { caseId: string }): Promise<void> {
      await db.approvalTask.updateMany({ where: { caseId: input.caseId, state: 'PENDING' }, data: { state: 'CANCELLED', closedAt: new Date() } });
    },

    /** R-EXCH-REFUSAL: the deduction, once per teacher and school year. */
    async recordRefusalDeduction(input: { caseId: string; teacherId: string; schoolYear: number; points: number }): Promise<void> {
      const dedupeKey = `exchange-refusal:${input.teacherId}:${input.schoolYear}`;
      await db.titlePointEntry.upsert({ where: { dedupeKey }, create: { teacherId: input.teacherId, points: -input.points, reason: 'EXCHANGE_REFUSAL', schoolYear: input.schoolYear, caseId: input.caseId, dedupeKey }, update: {} });
    },

    async refusalFacts(input: { teacherId: string }) {
      const teacher = await db.teacher.findUnique({ where: { id: input.teacherId }, include: { homeSchool: { include: { group: true } } } });
      if (!teacher?.homeSchool.groupId || !teacher.homeSchool.group) throw refuse('SCHOOL_NOT_IN_GROUP', 'The teacher’s school belongs to no group.');
      return { districtId: teacher.homeSchool.districtId, groupId: teacher.homeSchool.groupId, groupCode: teacher.homeSchool.group.code, schoolId: teacher.homeSchoolId, schoolCode: teacher.homeSchool.code, teacherName: teacher.name };
    },

    async rotationGroupFacts(input: { groupId: string }) {
      const group = await db.educationGroup.findUnique({ where: { id: input.groupId }, include: { schools: { where: { role: 'CORE' } } } });
      const core = group?.schools[0];
      if (!group || !core) throw refuse('ROUTE_UNRESOLVED', 'No such group, or it has no core school.');
      return { districtId: group.districtId, groupCode: group.code, groupName: group.name, coreSchoolId: core.id, coreSchoolCode: core.code };
    },

    /** R-EXCH-ELIGIBLE: the group's teachers due in the school year, in priority order. */
    async teachersDueInGroup(input: { groupId: string; schoolYear: number }) {
      const teachers = await db.teacher.findMany({ where: { homeSchool: { groupId: input.groupId } }, select: { id: true, name: true, homeSchoolId: true, joinedGroupOn: true, graduatingClass: true, backbone: true } });
      const facts = teachers.map((t) => ({ ...t, joinedGroupOn: isoDay(t.joinedGroupOn, config), backbone: t.backbone as BackboneCode }));
      return { teacherCount: teachers.length, due: teachersDue(facts, input.schoolYear, config) };
    },

    /** Entries name teachers and schools of the group; R-EXCH-QUOTA and R-EXCH-BACKBONE on what is planned. */
    async checkRotationPlan(input: { groupId: string; entries: PlanEntry[] }): Promise<PlanCheck> {
      const [teachers, schools] = await Promise.all([
        db.teacher.findMany({ where: { homeSchool: { groupId: input.groupId } }, select: { id: true, homeSchoolId: true, backbone: true } }),
        db.school.findMany({ where: { groupId: input.groupId }, select: { id: true } }),
      ]);
      const byId = new Map(teachers.map((t) => [t.id, t]));
      const schoolIds = new Set(schools.map((s) => s.id));
      const problems: PlanCheck['problems'] = [];
      for (const entry of input.entries) {
        const teacher = byId.get(entry.teacherId);
        if (!teacher) problems.push({ teacherId: entry.teacherId, problem: 'TEACHER_NOT_IN_GROUP' });
        else if (!schoolIds.has(entry.toSchoolId)) problems.push({ teacherId: entry.teacherId, problem: 'SCHOOL_NOT_IN_GROUP' });
        else if (teacher.homeSchoolId === entry.toSchoolId) problems.push({ teacherId: entry.teacherId, problem: 'SAME_SCHOOL' });
      }
      const planned = input.entries.flatMap((e) => {
        const t = byId.get(e.teacherId);
        return t ? [{ backbone: t.backbone as BackboneCode }] : [];
      });
      return { problems, quota: checkQuota(teachers.length, planned, config) };
    },

    /** The plan of a group's school year, kept up to date as it is proposed and approved. */
    async saveRotationPlan(input: { caseId: string; groupId: string; schoolYear: number; dueCount: number; entries: PlanEntry[]; quota: QuotaCheck; justification?: string; approved?: boolean }): Promise<void> {
      const data = {
        caseId: input.caseId,
        teacherCount: input.quota.groupTeacherCount,
        dueCount: input.dueCount,
        entries: input.entries as unknown as Prisma.InputJsonArray,
        plannedCount: input.quota.plannedCount,
        backboneCount: input.quota.backboneCount,
        meetsQuota: input.quota.meetsQuota,
        meetsBackbone: input.quota.meetsBackbone,
        justification: input.justification ?? null,
        approvedAt: input.approved ? new Date() : null,
      };
      await db.rotationPlan.upsert({ where: { groupId_schoolYear: { groupId: input.groupId, schoolYear: input.schoolYear } }, create: { groupId: input.groupId, schoolYear: input.schoolYear, ...data }, update: data });
    },
  };
}
