/**
 * The smaller money and staffing cases on the time-skipping server: an expert lecture fee
 * (R-FUND-LECTURE, EDU → FIN, ledger) and the yearly staffing adjustment (R-STAFF-ANNUAL,
 * STAFF → HR → EDU, quotas stored).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { lectureFeeFen } from '../../policy/funding.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { lectureFeeWorkflowId } from '../../workflows/lecture-fee/messages.js';
import { lectureFeeWorkflow } from '../../workflows/lecture-fee/workflow.js';
import { staffingAdjustmentWorkflowId } from '../../workflows/staffing-adjustment/messages.js';
import { staffingAdjustmentWorkflow } from '../../workflows/staffing-adjustment/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { createTeacher } from '../support/funding.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

async function caseRow(type: 'LECTURE_FEE' | 'STAFFING_ADJUSTMENT', workflowId: (id: string) => string, links: { schoolId?: string; teacherId?: string }) {
  const id = randomUUID();
  return t.db.case.create({ data: { id, type, workflowId: workflowId(id), title: `${type} test`, groupId: t.org.group.id, initiatorId: t.org.officials.member.id, ...links } });
}

async function startLectureFee(hours: number) {
  const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.core.id, backbone: 'SUBJECT_LEADER', title: 'SENIOR' });
  const row = await caseRow('LECTURE_FEE', lectureFeeWorkflowId, { schoolId: t.org.member.id, teacherId: teacher.id });
  const amountFen = lectureFeeFen('SENIOR', hours, policyConfig.funding);
  const handle = await t.env.client.workflow.start(lectureFeeWorkflow, {
    taskQueue: t.taskQueue,
    workflowId: row.workflowId,
    args: [{ caseId: row.id, districtId: t.org.district.id, schoolId: t.org.member.id, groupId: t.org.group.id, teacherId: teacher.id, topic: '新课标解读', hours, amountFen, schoolYear: 2026, initiatorId: t.org.officials.member.id }],
  });
  return { row, teacher, handle, chain: t.env.client.workflow.getHandle(chainWorkflowId(row.workflowId, 'fee')) };
}

describe('expert lecture fee (R-FUND-LECTURE)', () => {
  it('R-FUND-LECTURE: EDU then FIN approve and the ledger holds rate × hours in fen', async () => {
    const { row, teacher, handle, chain } = await startLectureFee(3);

    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 0, 'EDU')));
    await t.decide(chain, t.decision('fin', await t.pendingTask(chain, 1, 'FIN')));
    const result = await handle.result();

    expect(result).toEqual({ caseId: row.id, status: 'APPROVED' });
    const ledger = await t.db.ledgerEntry.findMany({ where: { caseId: row.id } });
    expect(ledger.map(({ kind, schoolId, teacherId, amountFen, schoolYear }) => ({ kind, schoolId, teacherId, amountFen, schoolYear }))).toEqual([
      { kind: 'LECTURE_FEE', schoolId: t.org.member.id, teacherId: teacher.id, amountFen: 240_000, schoolYear: 2026 },
    ]);
    expect((await t.db.case.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('APPROVED');
    await recordHistory(handle, 'lecture-fee-approved');
  });

  it('R-FUND-LECTURE: a claim FIN rejects books nothing', async () => {
    const { row, handle, chain } = await startLectureFee(2);

    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 0, 'EDU')));
    await t.decide(chain, t.decision('fin', await t.pendingTask(chain, 1, 'FIN'), 'REJECT', { comment: '超出预算' }));
    const result = await handle.result();

    expect(result.status).toBe('REJECTED');
    expect(await t.db.ledgerEntry.count({ where: { caseId: row.id } })).toBe(0);
  });
});

describe('yearly staffing adjustment (R-STAFF-ANNUAL)', () => {
  it('R-STAFF-ANNUAL: STAFF, HR and EDU approve quotas shared by enrolment inside the fixed total', async () => {
    const row = await caseRow('STAFFING_ADJUSTMENT', () => staffingAdjustmentWorkflowId(t.org.group.id, 2027, 1), {});
    const enrolments = [
      { schoolId: t.org.core.id, enrolment: 1520 },
      { schoolId: t.org.member.id, enrolment: 1030 },
    ];
    const handle = await t.env.client.workflow.start(staffingAdjustmentWorkflow, {
      taskQueue: t.taskQueue,
      workflowId: row.workflowId,
      args: [{ caseId: row.id, districtId: t.org.district.id, groupId: t.org.group.id, schoolYear: 2027, total: 101, enrolments, initiatorId: t.org.officials.staff.id }],
    });
    const chain = t.env.client.workflow.getHandle(chainWorkflowId(row.workflowId, 'quotas'));

    await t.decide(chain, t.decision('staff', await t.pendingTask(chain, 0)));
    await t.decide(chain, t.decision('hr', await t.pendingTask(chain, 1)));
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 2)));
    const result = await handle.result();

    // 101 × 1520/2550 = 60.2, 101 × 1030/2550 = 40.8: the one post left goes to the larger remainder.
    expect(result.quotas.map((q) => q.quota)).toEqual([60, 41]);
    expect(result.status).toBe('APPROVED');
    const stored = await t.db.staffingAllocation.findMany({ where: { groupId: t.org.group.id, schoolYear: 2027 }, orderBy: { quota: 'desc' } });
    expect(stored.map(({ schoolId, enrolment, quota, caseId }) => ({ schoolId, enrolment, quota, caseId }))).toEqual([
      { schoolId: t.org.core.id, enrolment: 1520, quota: 60, caseId: row.id },
      { schoolId: t.org.member.id, enrolment: 1030, quota: 41, caseId: row.id },
    ]);
    await recordHistory(handle, 'staffing-adjustment-approved');
  });
});
