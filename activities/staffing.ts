/** R-STAFF-ANNUAL: approved quotas, one row per school and school year (a re-run overwrites with the approved proposal). */
import type { Quota } from '../policy/staffing.js';
import type { ActivityDeps } from './deps.js';

export function staffingActivities({ db }: ActivityDeps) {
  return {
    async recordStaffingAllocations(input: { caseId: string; groupId: string; schoolYear: number; quotas: Quota[] }): Promise<void> {
      await db.$transaction(
        input.quotas.map((q) =>
          db.staffingAllocation.upsert({
            where: { schoolYear_schoolId: { schoolYear: input.schoolYear, schoolId: q.schoolId } },
            create: { groupId: input.groupId, schoolYear: input.schoolYear, schoolId: q.schoolId, enrolment: q.enrolment, quota: q.quota, caseId: input.caseId },
            update: { groupId: input.groupId, enrolment: q.enrolment, quota: q.quota, caseId: input.caseId },
          }),
        ),
      );
    },
  };
}
