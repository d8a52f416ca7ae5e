/** What a yearly cycle opens cases for, and which of them already exist (R-ASSESS-ANNUAL, R-AWARD-ANNUAL). */
import { schoolYearOf } from '../policy/calendar.js';
import type { ActivityDeps } from './deps.js';

export interface CycleTarget {
  id: string;
  code: string;
}

export function cycleActivities({ db, config, now = () => new Date() }: ActivityDeps) {
  return {
    /** The tight groups of the district (R-ASSESS-ANNUAL: every group is assessed; loose alliances are not groups of the policy's tiers). */
    async tightGroupsOf(input: { districtId: string }): Promise<CycleTarget[]> {
      return db.educationGroup.findMany({ where: { districtId: input.districtId, kind: 'TIGHT' }, orderBy: { code: 'asc' }, select: { id: true, code: true } });
    },

    /**
     * Cases already opened under these workflow ids. Temporal rejects a duplicate id only while it
     * keeps the earlier run; the case rows keep it for good.
     */
    async openedCaseWorkflowIds(input: { workflowIds: string[] }): Promise<string[]> {
      const rows = await db.case.findMany({ where: { workflowId: { in: input.workflowIds } }, select: { workflowId: true } });
      return rows.map((r) => r.workflowId);
    },

    /** For a cycle started by hand without a school year and outside any schedule. */
    async currentSchoolYear(): Promise<number> {
      return schoolYearOf(now(), config);
    },
  };
}
