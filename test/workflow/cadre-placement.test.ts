/**
 * A cadre shadow placement (R-CADRE-FLAGSHIP) on the time-skipping server with real durations:
 * ORG → HR → EDU approve, a one-semester placement with a reminder 14 days before its end, then
 * EDU's deployment decision (a form naming the school), sent back once for a school outside the district.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import type { CadrePlacementInput } from '../../workflows/cadre-placement/messages.js';
import { cadrePlacementWorkflow } from '../../workflows/cadre-placement/workflow.js';
import { caseWorkflowId } from '../../workflows/constants.js';
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

async function startPlacement(overrides: Partial<CadrePlacementInput> = {}) {
  const caseId = randomUUID();
  const workflowId = caseWorkflowId(caseId);
  const input: CadrePlacementInput = {
    caseId,
    title: '后备干部张老师赴市实验学校跟岗锻炼',
    districtId: t.org.district.id,
    candidateName: '张老师',
    category: 'RESERVE_CADRE',
    flagshipSchool: '市实验学校',
    startsOn: '2027-03-01',
    endsOn: '2027-06-30',
    reminderLeadDays: policyConfig.cadrePlacement.reminderLeadDays,
    initiatorId: t.org.officials.org.id,
    ...overrides,
  };
  const handle = await t.env.client.workflow.start(cadrePlacementWorkflow, { taskQueue: t.taskQueue, workflowId, args: [input] });
  const chain = (name: string) => t.env.client.workflow.getHandle(chainWorkflowId(workflowId, name));
  return { caseId, handle, chain };
}

describe('cadre shadow placement (R-CADRE-FLAGSHIP)', () => {
  it('runs ORG → HR → EDU, the placement term with its reminder, then records where EDU deploys the cadre', async () => {
    // Arrange
    const { caseId, handle, chain } = await startPlacement();
    await decide(t, chain('approval'), caseId, 'cadre-org-selection', 'org', { settle: true });
    await decide(t, chain('approval'), caseId, 'cadre-hr-review', 'hr', { settle: true });
    await decide(t, chain('approval'), caseId, 'cadre-edu-approval', 'edu', { settle: true });
    const approved = (await t.db.cadrePlacement.findUniqueOrThrow({ where: { caseId } })).status;

    // Act: the placement runs to its last day; EDU first names a school outside the district, then a real one.
    await t.env.sleep(Date.parse('2027-07-01T00:00:00+08:00') - Date.now() + DAY);
    const afterTerm = (await t.db.cadrePlacement.findUniqueOrThrow({ where: { caseId } })).status;
    await decide(t, chain('deployment-1'), caseId, 'cadre-deployment-decision', 'edu', { extra: { form: { schoolId: randomUUID(), note: '拟任副校长' } }, settle: true });
    await decide(t, chain('deployment-2'), caseId, 'cadre-deployment-decision', 'edu', { extra: { form: { schoolId: t.org.member.id, note: '任成员校副校长' } } });
    const result = await handle.result();

    // Assert
    expect(approved).toBe('APPROVED');
    expect(afterTerm).toBe('AWAITING_DEPLOYMENT');
    expect(result).toEqual({ caseId, status: 'COMPLETED', deployedToSchoolId: t.org.member.id });
    expect(await t.db.cadrePlacement.findUniqueOrThrow({ where: { caseId } })).toMatchObject({ status: 'DEPLOYED', deployedToSchoolId: t.org.member.id, deploymentNote: '任成员校副校长', candidateName: '张老师' });
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('COMPLETED');
    const milestones = (await t.db.caseEvent.findMany({ where: { caseId, kind: 'MILESTONE' } })).map((m) => m.dedupeKey.replace(`milestone:${caseId}:`, ''));
    expect(milestones.sort()).toEqual(['deployed', 'deployment-1-unknown-school', 'term-ended', 'term-ending-reminder', 'term-started']);
    const reminders = await t.db.notification.findMany({ where: { caseId, kind: 'TERM_ENDING' } });
    expect(reminders.map((n) => n.recipientId)).toEqual([t.org.officials.org.id]);
    await recordHistory(handle, 'cadre-placement-deployed');
  });

  it('ends rejected, with the placement row, when HR does not agree', async () => {
    // Arrange
    const { caseId, handle, chain } = await startPlacement({ category: 'YOUNG_TEACHER' });

    // Act
    await decide(t, chain('approval'), caseId, 'cadre-org-selection', 'org');
    await decide(t, chain('approval'), caseId, 'cadre-hr-review', 'hr', { action: 'REJECT', extra: { comment: '年龄不符合条件' } });
    const result = await handle.result();

    // Assert
    expect(result).toEqual({ caseId, status: 'REJECTED' });
    expect((await t.db.cadrePlacement.findUniqueOrThrow({ where: { caseId } })).status).toBe('REJECTED');
    expect((await t.db.case.findUniqueOrThrow({ where: { id: caseId } })).status).toBe('REJECTED');
  });
});
