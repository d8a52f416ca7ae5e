/**
 * Management secondments on the time-skipping server with real durations: a two-school-year term
 * waits for its first day, reminds its parties 30 days before its end and completes on its last day.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { temporal } from '@temporalio/proto';

const { EventType } = temporal.api.enums.v1;
import { policyConfig } from '../../policy/config.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { caseWorkflowId } from '../../workflows/constants.js';
import { type SecondmentInput } from '../../workflows/secondment/messages.js';
import { secondmentWorkflow } from '../../workflows/secondment/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { decide } from '../support/org-cases.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;
const DAY = 24 * 60 * 60 * 1000;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

const team = [
  { name: '王校长', post: 'SCHOOL_LEADER' as const },
  { name: '李主任', post: 'MIDDLE_MANAGER' as const },
  { name: '赵主任', post: 'MIDDLE_MANAGER' as const },
];

async function startSecondment(overrides: Partial<SecondmentInput> = {}) {
  const caseId = randomUUID();
  const workflowId = caseWorkflowId(caseId);
  const input: SecondmentInput = {
    caseId,
    title: '核心校向成员校派驻管理团队',
    districtId: t.org.district.id,
    groupId: t.org.group.id,
    direction: 'CORE_TO_MEMBER',
    fromSchoolId: t.org.core.id,
    toSchoolId: t.org.member.id,
    members: team,
    startsOn: '2027-09-01',
    endsOn: '2029-08-31',
    reminderLeadDays: policyConfig.secondment.reminderLeadDays,
    initiatorId: t.org.officials.core.id,
    ...overrides,
  };
  const handle = await t.env.client.workflow.start(secondmentWorkflow, { taskQueue: t.taskQueue, workflowId, args: [input] });
  return { caseId, handle, chain: t.env.client.workflow.getHandle(chainWorkflowId(workflowId, 'approval')) };
}

describe('management secondment (R-SECOND-OUT, R-SECOND-NEWSCHOOL)', () => {
  it('R-SECOND-OUT: ORG then EDU approve, the two-year term runs, reminds 30 days before its end, and completes', async () => {
    // Arrange
    const { caseId, handle, chain } = await startSecondment();

    // Act
    await decide(t, chain, caseId, 'secondment-org-approval', 'org', { settle: true });
    await decide(t, chain, caseId, 'secondment-edu-approval', 'edu', { settle: true });
    const waiting = await rowStatusOnceApproved(caseId);
    const result = await handle.result();

    // Assert
    expect(waiting).toBe('APPROVED');
    expect(result).toEqual({ caseId, status: 'COMPLETED' });
    const row = await t.db.secondment.findUniqueOrThrow({ where: { caseId } });
    expect(row).toMatchObject({ status: 'COMPLETED', direction: 'CORE_TO_MEMBER', fromSchoolId: t.org.core.id, toSchoolId: t.org.member.id, members: team });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('COMPLETED');
    const milestones = await t.db.caseEvent.findMany({ where: { caseId, kind: 'MILESTONE' }, orderBy: { at: 'asc' } });
    expect(milestones.map((m) => m.dedupeKey)).toEqual(['approved', 'term-started', 'term-ending-reminder', 'term-ended'].map((k) => `milestone:${caseId}:${k}`));
    const reminder = await t.db.notification.findMany({ where: { caseId, kind: 'TERM_ENDING' } });
    expect(reminder.map((n) => n.recipientId)).toEqual([t.org.officials.core.id]);
    expect(reminder[0]?.subject).toContain('期满提醒');

    // The timers of the term: until the first day, then until 30 days before the end, then 30 days.
    const history = await handle.fetchHistory();
    const timers = (history.events ?? []).filter((e) => e.eventType === EventType.EVENT_TYPE_TIMER_STARTED).map((e) => Number(e.timerStartedEventAttributes?.startToFireTimeout?.seconds) * 1000);
    expect(timers).toHaveLength(3);
    expect(timers[1]).toBe(Date.parse('2029-09-01T00:00:00+08:00') - 30 * DAY - Date.parse('2027-09-01T00:00:00+08:00'));
    expect(timers[2]).toBe(30 * DAY);
    await recordHistory(handle, 'secondment-completed');
  });

  it('R-SECOND-NEWSCHOOL: HR sets the pay rate between ORG and EDU; an HR rejection closes the case and the row', async () => {
    // Arrange
    const { caseId, handle, chain } = await startSecondment({ direction: 'NEW_SCHOOL' });

    // Act
    await decide(t, chain, caseId, 'secondment-org-approval', 'org');
    await decide(t, chain, caseId, 'secondment-hr-pay-rate', 'hr', { action: 'REJECT', extra: { comment: '薪酬标准未明确' } });
    const result = await handle.result();

    // Assert
    expect(result).toEqual({ caseId, status: 'REJECTED' });
    expect((await t.db.secondment.findUniqueOrThrow({ where: { caseId } })).status).toBe('REJECTED');
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('REJECTED');
    expect(await t.db.notification.count({ where: { caseId, kind: 'TERM_ENDING' } })).toBe(0);
  });
});

/**
 * The row, not the workflow's query, tells that the term waits for its start: a query just before
 * the test skips time holds the test server's clock for seconds.
 */
async function rowStatusOnceApproved(caseId: string): Promise<string | undefined> {
  let status: string | undefined;
  for (let i = 0; i < 100 && status !== 'APPROVED'; i += 1) {
    status = (await t.db.secondment.findUnique({ where: { caseId } }))?.status;
    if (status !== 'APPROVED') await new Promise((r) => setTimeout(r, 50));
  }
  return status;
}
