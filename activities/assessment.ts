/** The group assessment's records (R-ASSESS-ANNUAL, R-TIER-DYNAMIC): one GroupAssessment per group and school year. */
import type { Prisma } from '../generated/prisma/client.js';
import type { AssessmentKind } from '../policy/assessment.js';
import { schoolYearOf } from '../policy/calendar.js';
import type { ActivityDeps } from './deps.js';

export interface AssessmentGroup {
  districtId: string;
  code: string;
  name: string;
  tier: number;
  /** The school year the group's record was created in: its year 1 for the full-review cycle. */
  firstSchoolYear: number;
  memberSchools: number;
  coreSchools: number;
}

export function assessmentActivities({ db, config, now = () => new Date() }: ActivityDeps) {
  return {
    async loadAssessmentGroup(input: { groupId: string }): Promise<AssessmentGroup> {
      const group = await db.educationGroup.findUniqueOrThrow({ where: { id: input.groupId }, include: { schools: { select: { role: true } } } });
      const coreSchools = group.schools.filter((s) => s.role === 'CORE').length;
      return {
        districtId: group.districtId,
        code: group.code,
        name: group.name,
        tier: group.tier,
        firstSchoolYear: schoolYearOf(group.createdAt, config),
        memberSchools: group.schools.length - coreSchools,
        coreSchools,
      };
    },

    /** The year's row, created once with the tier the group had when its assessment opened. */
    async openGroupAssessment(input: { caseId: string; groupId: string; schoolYear: number; kind: AssessmentKind; tierBefore: number; structure?: Prisma.InputJsonObject }): Promise<void> {
      await db.groupAssessment.upsert({
        where: { groupId_schoolYear: { groupId: input.groupId, schoolYear: input.schoolYear } },
        create: { caseId: input.caseId, groupId: input.groupId, schoolYear: input.schoolYear, kind: input.kind, tierBefore: input.tierBefore, ...(input.structure ? { structure: input.structure } : {}) },
        update: {},
      });
    },

    /** R-TIER-DYNAMIC: the result is published and the group takes its new tier, in one transaction. */
    async publishGroupAssessment(input: { groupId: string; schoolYear: number; selfAssessment: Prisma.InputJsonObject; score: number; tierAfter: number; structure?: Prisma.InputJsonObject }): Promise<void> {
      await db.$transaction(async (tx) => {
        const row = await tx.groupAssessment.findUniqueOrThrow({ where: { groupId_schoolYear: { groupId: input.groupId, schoolYear: input.schoolYear } } });
        if (row.publishedAt) return;
        await tx.groupAssessment.update({
          where: { id: row.id },
          data: { selfAssessment: input.selfAssessment, score: input.score, tierAfter: input.tierAfter, publishedAt: now(), ...(input.structure ? { structure: input.structure } : {}) },
        });
        await tx.educationGroup.update({ where: { id: input.groupId }, data: { tier: input.tierAfter } });
      });
    },
  };
}
