/**
 * Turns a chain of the definition table (policy/approval-chains.ts) into concrete assignees for one
 * case. Shared by the API (cases officials start) and by case workflows (chains a schedule or a
 * long-running case opens), so both route the same way.
 */
import { approvalChains, type ChainKey, type ChainStepDefinition, type StepRoute } from '../policy/approval-chains.js';
import type { PolicyConfig } from '../policy/config.js';
import type { Db } from '../prisma/client.js';
import type { Assignee, ChainStep } from '../workflows/approval-chain/messages.js';

/** Where a case sits: its district, and the school (and through it the group) it concerns. */
export interface RoutingContext {
  districtId: string;
  schoolId?: string | null;
  groupId?: string | null;
  /** Conditions that switch on the `onlyWhen` steps of the chain. */
  conditions?: readonly string[];
}

export class RouteError extends Error {
  constructor(
    readonly code: 'ROUTE_UNRESOLVED' | 'SCHOOL_NOT_IN_GROUP',
    readonly route?: StepRoute,
  ) {
    super(code === 'SCHOOL_NOT_IN_GROUP' ? 'The case concerns no school of an education group.' : `No approver for route ${JSON.stringify(route)}.`);
  }
}

async function resolveRoute(db: Db, route: StepRoute, ctx: RoutingContext): Promise<Assignee> {
  if (route.kind === 'unit') {
    const unit = await db.unit.findUnique({ where: { districtId_code: { districtId: ctx.districtId, code: route.unit } } });
    if (!unit) throw new RouteError('ROUTE_UNRESOLVED', route);
    return { unitId: unit.id, unitCode: unit.code };
  }
  if (route.kind === 'caseSchool') {
    if (!ctx.schoolId) throw new RouteError('ROUTE_UNRESOLVED', route);
    return { schoolId: ctx.schoolId };
  }
  const groupId = ctx.groupId ?? (ctx.schoolId ? (await db.school.findUnique({ where: { id: ctx.schoolId } }))?.groupId : null);
  if (!groupId) throw new RouteError('SCHOOL_NOT_IN_GROUP');
  const core = await db.school.findFirst({ where: { groupId, role: 'CORE' } });
  if (!core) throw new RouteError('ROUTE_UNRESOLVED', route);
  return { schoolId: core.id };
}

export async function resolveChainSteps(db: Db, chain: ChainKey, ctx: RoutingContext, config: PolicyConfig): Promise<ChainStep[]> {
  const steps: ChainStep[] = [];
  const definition: readonly ChainStepDefinition[] = approvalChains[chain];
  for (const step of definition) {
    if (step.onlyWhen && !ctx.conditions?.includes(step.onlyWhen)) continue;
    const assignees: Assignee[] = [];
    for (const route of step.routes) assignees.push(await resolveRoute(db, route, ctx));
    steps.push({
      key: step.key,
      kind: step.kind,
      leadOnly: step.leadOnly ?? false,
      deadlineWorkingDays: step.deadlineWorkingDays ?? config.approval.stepDeadlineWorkingDays,
      assignees,
      ...(step.form ? { form: step.form } : {}),
    });
  }
  return steps;
}
