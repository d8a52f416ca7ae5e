/** The CadrePlacement row of a shadow placement case (R-CADRE-FLAGSHIP). */
import type { ActivityDeps } from './deps.js';

export type CadrePlacementStatus = 'PENDING' | 'APPROVED' | 'ACTIVE' | 'AWAITING_DEPLOYMENT' | 'DEPLOYED' | 'NOT_DEPLOYED' | 'REJECTED' | 'WITHDRAWN';

export interface CadrePlacementRecord {
  caseId: string;
  candidateName: string;
  teacherId?: string;
  flagshipSchool: string;
  startsOn: string;
  endsOn: string;
}

const dbDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export function cadreActivities({ db }: ActivityDeps) {
  return {
    async saveCadrePlacement(input: CadrePlacementRecord): Promise<void> {
      const { caseId, teacherId, startsOn, endsOn, ...rest } = input;
      await db.cadrePlacement.upsert({ where: { caseId }, create: { caseId, ...rest, teacherId: teacherId ?? null, startsOn: dbDate(startsOn), endsOn: dbDate(endsOn) }, update: {} });
    },

    async setCadrePlacementStatus(input: { caseId: string; status: CadrePlacementStatus }): Promise<void> {
      await db.cadrePlacement.update({ where: { caseId: input.caseId }, data: { status: input.status } });
    },

    /** EDU's deployment; false when the school named in the form is not a school of the case's district. */
    async recordCadreDeployment(input: { caseId: string; districtId: string; schoolId: string; note: string }): Promise<{ recorded: boolean }> {
      const school = await db.school.findFirst({ where: { id: input.schoolId, districtId: input.districtId }, select: { id: true } });
      if (!school) return { recorded: false };
      await db.cadrePlacement.update({ where: { caseId: input.caseId }, data: { deployedToSchoolId: school.id, deploymentNote: input.note, status: 'DEPLOYED' } });
      return { recorded: true };
    },
  };
}
