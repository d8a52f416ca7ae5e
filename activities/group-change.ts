/** Applies an approved group structure change to the organisation data (R-GROUP-*). */
import { groupSizeAfter, isNewSchool, type GroupChangeKind } from '../policy/group-structure.js';
import type { ActivityDeps } from './deps.js';

export type GroupChangeRefusal = 'GROUP_TOO_LARGE' | 'GROUP_JUSTIFICATION_REQUIRED' | 'SCHOOL_IN_ANOTHER_GROUP' | 'SCHOOL_NOT_MEMBER';

export type GroupChangeResult = { applied: true; newSchool: boolean } | { applied: false; reason: GroupChangeRefusal };

export interface GroupChangeInput {
  caseId: string;
  groupId: string;
  schoolId: string;
  kind: GroupChangeKind;
  /** EDU approved a justification for a 7th or 8th member. */
  justified: boolean;
}

export function groupChangeActivities({ db, config, now = () => new Date() }: ActivityDeps) {
  return {
    /**
     * Checks the group's size again as it is now (another change may have been applied since the
     * case started) and applies the change in one transaction. A retry after the commit finds the
     * change already made and reports it applied.
     */
    async applyGroupChange(input: GroupChangeInput): Promise<GroupChangeResult> {
      return db.$transaction(async (tx) => {
        const school = await tx.school.findUniqueOrThrow({ where: { id: input.schoolId } });
        const newSchool = isNewSchool(school.foundedOn, now(), config);
        if (input.kind === 'ALLIANCE_LINK') {
          await tx.allianceLink.upsert({ where: { schoolId_groupId: { schoolId: input.schoolId, groupId: input.groupId } }, create: { schoolId: input.schoolId, groupId: input.groupId, caseId: input.caseId }, update: {} });
          return { applied: true, newSchool: false };
        }
        if (input.kind === 'SUB_CORE') {
          if (school.groupId !== input.groupId || school.role === 'CORE') return { applied: false, reason: 'SCHOOL_NOT_MEMBER' };
          await tx.school.update({ where: { id: school.id }, data: { role: 'SUB_CORE' } });
          return { applied: true, newSchool: false };
        }
        if (input.kind === 'REMOVE_MEMBER') {
          if (school.groupId === null) return { applied: true, newSchool: false };
          if (school.groupId !== input.groupId || school.role === 'CORE') return { applied: false, reason: 'SCHOOL_NOT_MEMBER' };
          await tx.school.update({ where: { id: school.id }, data: { groupId: null, role: 'MEMBER' } });
          return { applied: true, newSchool: false };
        }
        if (school.groupId === input.groupId) return { applied: true, newSchool };
        if (school.groupId !== null) return { applied: false, reason: 'SCHOOL_IN_ANOTHER_GROUP' };
        const group = await tx.educationGroup.findUniqueOrThrow({ where: { id: input.groupId }, select: { kind: true } });
        const members = await tx.school.count({ where: { groupId: input.groupId, role: { not: 'CORE' } } });
        const { verdict } = groupSizeAfter('ADD_MEMBER', members, group.kind, config);
        if (verdict === 'TOO_LARGE') return { applied: false, reason: 'GROUP_TOO_LARGE' };
        if (verdict === 'NEEDS_JUSTIFICATION' && !input.justified) return { applied: false, reason: 'GROUP_JUSTIFICATION_REQUIRED' };
        await tx.school.update({ where: { id: school.id }, data: { groupId: input.groupId, role: 'MEMBER' } });
        return { applied: true, newSchool };
      });
    },
  };
}
