/**
 * R-EXCH-NEWMEMBER: what the new member's exchange needs from the organisation data, and the check
 * of the teachers the member school names. Reads only, so retries are harmless.
 */
import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import { schoolYearOf } from '../policy/calendar.js';
import { newMemberTeacherCount } from '../policy/exchange.js';
import type { ActivityDeps } from './deps.js';

export interface NewMemberTeacherCheck {
  /** Named teachers whose home school is not the new member school. */
  notAtSchool: string[];
  countMatches: boolean;
}

export function newMemberExchangeActivities({ db, config }: ActivityDeps) {
  return {
    /** The group, its core school and the count it asks; the terms start in the school year after the one the join falls in. */
    async newMemberExchangeFacts(input: { groupId: string; schoolId: string }) {
      const [group, school] = await Promise.all([
        db.educationGroup.findUnique({ where: { id: input.groupId }, include: { schools: { where: { role: 'CORE' } } } }),
        db.school.findUnique({ where: { id: input.schoolId } }),
      ]);
      const core = group?.schools[0];
      if (!group || !core || !school) throw ApplicationFailure.create({ type: 'ROUTE_UNRESOLVED', message: 'No such group or school, or the group has no core school.', nonRetryable: true });
      // The workflow's clock (the skipped-to time on the test server), as exchangeNow reads it.
      const now = new Date(Context.current().info.currentAttemptScheduledTimestampMs);
      return {
        districtId: group.districtId,
        groupCode: group.code,
        groupName: group.name,
        coreSchoolId: core.id,
        schoolCode: school.code,
        schoolName: school.name,
        teacherCount: newMemberTeacherCount(group.newMemberExchangeTeachers, config),
        schoolYear: schoolYearOf(now, config) + 1,
      };
    },

    async checkNewMemberTeachers(input: { schoolId: string; teacherIds: string[]; teacherCount: number }): Promise<NewMemberTeacherCheck> {
      const atSchool = await db.teacher.findMany({ where: { id: { in: input.teacherIds }, homeSchoolId: input.schoolId }, select: { id: true } });
      const found = new Set(atSchool.map((t) => t.id));
      return { notAtSchool: input.teacherIds.filter((id) => !found.has(id)), countMatches: input.teacherIds.length === input.teacherCount };
    },
  };
}
