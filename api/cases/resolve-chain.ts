/** Turns a case type's chain definition into concrete approvers for one case. */
import { approvalChains, type ChainCaseType, type StepRoute } from '../../policy/approval-chains.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import type { ApprovalStepInput, StepAssignee } from '../../workflows/approval-case/messages.js';
import { DomainError } from '../errors.js';

interface CaseSchool {
  id: string;
  districtId: string;
  groupId: string | null;
}

async function resolveRoute(db: Db, route: StepRoute, school: CaseSchool): Promise<StepAssignee> {
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

export async function resolveChain(db: Db, type: ChainCaseType, school: CaseSchool, config: PolicyConfig): Promise<ApprovalStepInput[]> {
  const steps: ApprovalStepInput[] = [];
  for (const step of approvalChains[type]) {
    steps.push({ key: step.key, assignee: await resolveRoute(db, step.route, school), deadlineWorkingDays: config.approval.stepDeadlineWorkingDays });
  }
  return steps;
}
