/** Extra schools and groups for the organisation-case tests, inside a test organisation's district. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import type { WorkflowHandle } from '@temporalio/client';
import type { DecisionInput } from '../../workflows/approval-chain/messages.js';
import type { ChainEnv, Who } from './chain-env.js';
import type { TestOrg } from './org.js';

export async function createSchool(db: Db, org: TestOrg, options: { groupId?: string | null; role?: 'CORE' | 'MEMBER' | 'SUB_CORE'; foundedOn?: string } = {}) {
  const tag = randomUUID().slice(0, 8);
  return db.school.create({
    data: { code: `S-${org.tag}-${tag}`, name: `学校 ${tag}`, districtId: org.district.id, groupId: options.groupId ?? null, role: options.role ?? 'MEMBER', foundedOn: new Date(`${options.foundedOn ?? '2001-09-01'}T00:00:00Z`) },
  });
}

/** A tight group with its core school and `members` member schools. */
export async function createGroup(db: Db, org: TestOrg, members: number) {
  const tag = randomUUID().slice(0, 8);
  const group = await db.educationGroup.create({ data: { code: `G-${org.tag}-${tag}`, name: `集团 ${tag}`, districtId: org.district.id } });
  const core = await createSchool(db, org, { groupId: group.id, role: 'CORE' });
  const memberSchools = [];
  for (let i = 0; i < members; i += 1) memberSchools.push(await createSchool(db, org, { groupId: group.id }));
  return { group, core, members: memberSchools };
}

/**
 * Decides the open task of a chain step, found in the inbox table rather than by querying the chain.
 * `settle` then skips a minute so the chain has opened its next step before the test goes on.
 * Observed with the Java test server 1.38: the long timers of a case fire when every decision was
 * followed by such a skip, and never fire otherwise; and once a test has skipped years, later skips
 * in the same file hang — so a file has one long-timer test, run first, and its other tests do not skip.
 */
export async function decide(t: ChainEnv, chain: WorkflowHandle, caseId: string, stepKey: string, who: Who, options: { action?: DecisionInput['action']; extra?: Partial<DecisionInput>; settle?: boolean } = {}): Promise<void> {
  let task: { id: string } | null = null;
  for (let i = 0; i < 200 && !task; i += 1) {
    task = await t.db.approvalTask.findFirst({ where: { caseId, stepKey, state: 'PENDING' }, select: { id: true } });
    if (!task) await new Promise((r) => setTimeout(r, 50));
  }
  if (!task) throw new Error(`step ${stepKey} never opened`);
  await t.decide(chain, t.decision(who, task.id, options.action ?? 'APPROVE', options.extra ?? {}));
  if (options.settle) await t.env.sleep(60_000);
}
