/** Turns a case type's chain definition (policy/approval-chains.ts) into concrete assignees for one case. */
import { approvalChains, type ChainCaseType, type StepRoute } from '../../policy/approval-chains.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import type { Assignee, ChainStep } from '../../workflows/approval-chain/messages.js';
import { DomainError } from '../errors.js';

interface CaseSchool {
  id: string;
  districtId: string;
  groupId: string | null;
}

async function resolveRoute(db: Db, route: StepRoute, school: CaseSchool): Promise<Assignee> {
  if (route.kind === 'unit') {
    const unit = await db.unit.findUnique({ where: { districtId_code: { districtId: school.districtId, code: route.unit } } });
    if (!unit) throw new DomainError('ROUTE_UNRESOLVED', { route });
    return { unitId: unit.id, unitCode: unit.code };
  }
  if (!school.groupId) throw new DomainError('SCHOOL_NOT_IN_GROUP');
  const core = await db.school.findFirst({ where: { groupId: school.groupId, role: 'CORE' } });
  if (!core) throw new DomainError('ROUTE_UNRESOLVED', { route });
  return { schoolId: core.id };
}

export async function resolveChain(db: Db, type: ChainCaseType, school: CaseSchool, config: PolicyConfig): Promise<ChainStep[]> {
  const steps: ChainStep[] = [];
  for (const step of approvalChains[type]) {
    const assignees: Assignee[] = [];
    for (const route of step.routes) assignees.push(await resolveRoute(db, route, school));
    steps.push({ key: step.key, kind: step.kind, leadOnly: step.leadOnly ?? false, deadlineWorkingDays: step.deadlineWorkingDays ?? config.approval.stepDeadlineWorkingDays, assignees });
  }
  return steps;
}
