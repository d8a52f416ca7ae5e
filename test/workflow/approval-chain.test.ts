/**
 * The approval chain on the time-skipping test server with real activities on the test database
 * and real mail through a local SMTP server: step kinds, returns, withdrawal, claims, the outbox.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { assignUpdate, resubmitUpdate, withdrawUpdate } from '../../workflows/approval-chain/messages.js';
import { startChainEnv, type ChainEnv, type Who } from '../support/chain-env.js';
import { actorOf } from '../support/org.js';
import { recipients } from '../support/smtp.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv({ replayEveryTask: process.env.REPLAY_EVERY_TASK === '1' });
});

afterAll(async () => {
  await t?.close();
});

describe('approval chain', () => {
  it('runs single steps to approval, tells each assignee and the initiator by e-mail, and closes the case', async () => {
    const { row, handle, chain } = await t.startCase();

    const afterCore = await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0), 'APPROVE', { comment: '同意' }));
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1)));
    const result = await handle.result();

    expect(afterCore.currentStep).toMatchObject({ index: 1, key: 'edu-approval', tasks: [{ status: 'PENDING' }] });
    expect(result.status).toBe('APPROVED');
    expect((await t.db.case.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('APPROVED');
    const newTask = await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.core.email) && m.subject?.startsWith('【待办】') === true);
    expect(newTask.text).toContain('集团核心校审核');
    expect(newTask.text).toContain(`http://console.test/cases/${row.id}?task=`);
    expect(newTask.text).toContain('A new approval task awaits you');
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.edu2.email) && m.subject?.includes('待办') === true);
    const outcome = await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.member.email) && m.subject?.includes(row.title) === true);
    expect(outcome.subject).toContain('已通过');
    // The outbox relay delivers after the chain has moved on, so the last may land after the outcome.
    await expect.poll(async () => (await t.db.notification.findMany({ where: { caseId: row.id } })).every((n) => n.state === 'SENT'), { timeout: 10_000 }).toBe(true);
    await recordHistory(handle, 'case-approved');
    await recordHistory(chain, 'approval-chain-approved');
  });

  it('needs every unit of a countersign (会签) step', async () => {
    const { handle, chain } = await t.startCase({ kind: 'COUNTERSIGN', units: ['EDU', 'FIN'] });
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));

    const afterEdu = await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1, 'EDU')));
    await t.decide(chain, t.decision('fin', await t.pendingTask(chain, 1, 'FIN')));

    expect(afterEdu.currentStep?.tasks.map((task) => task.status).sort()).toEqual(['APPROVED', 'PENDING']);
    expect((await handle.result()).status).toBe('APPROVED');
    await recordHistory(handle, 'case-countersign');
    await recordHistory(chain, 'approval-chain-countersign');
  });

  it('lets the first decision of an any-of (或签) step decide and cancels the other task', async () => {
    const { row, handle, chain } = await t.startCase({ kind: 'ANY_OF', units: ['EDU', 'FIN'] });
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));

    await t.decide(chain, t.decision('fin', await t.pendingTask(chain, 1, 'FIN')));

    expect((await handle.result()).status).toBe('APPROVED');
    const tasks = await t.db.approvalTask.findMany({ where: { caseId: row.id, stepIndex: 1 } });
    expect(tasks.map((task) => task.state).sort()).toEqual(['APPROVED', 'CANCELLED']);
  });

  it('returns to the previous step, which decides again in a new round', async () => {
    const { row, handle, chain } = await t.startCase();
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));

    const returned = await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1), 'RETURN', { comment: '请补充材料' }));
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1)));

    expect(returned.currentStep).toMatchObject({ index: 0, round: 2 });
    expect((await handle.result()).status).toBe('APPROVED');
    const kinds = (await t.db.caseEvent.findMany({ where: { caseId: row.id }, orderBy: { at: 'asc' } })).map((e) => e.kind);
    expect(kinds.filter((k) => k === 'STEP_OPENED')).toHaveLength(4);
    expect(kinds).toContain('RETURNED');
  });

  it('returns to the initiator, who resubmits; then a rejection (with its comment) ends the case', async () => {
    const { row, handle, chain } = await t.startCase();
    const task = await t.pendingTask(chain, 0);

    const returned = await t.decide(chain, t.decision('core', task, 'RETURN', { returnTo: 'INITIATOR', comment: '请重新填写' }));
    const caseWhileReturned = await t.db.case.findUniqueOrThrow({ where: { id: row.id } });
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.member.email) && m.subject?.startsWith('【退回】') === true);
    const resubmitted = await chain.executeUpdate(resubmitUpdate, { args: [{ requestId: randomUUID(), comment: '已修改', actor: actorOf(t.org, 'member') }] });
    const noComment = t.decide(chain, t.decision('core', await t.pendingTask(chain, 0), 'REJECT'));
    await expect(noComment).rejects.toMatchObject({ cause: { type: 'COMMENT_REQUIRED' } });
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0), 'REJECT', { comment: '不符合条件' }));

    expect(returned.status).toBe('RETURNED');
    expect(caseWhileReturned.status).toBe('RETURNED');
    expect(resubmitted).toMatchObject({ status: 'RUNNING', currentStep: { index: 0, round: 2 } });
    expect((await handle.result()).status).toBe('REJECTED');
  });

  it('lets only the initiator withdraw, and only before the first decision', async () => {
    const early = await t.startCase();
    await t.pendingTask(early.chain, 0);
    const late = await t.startCase();
    await t.decide(late.chain, t.decision('core', await t.pendingTask(late.chain, 0)));
    const withdraw = (chain: WorkflowHandle, who: Who) => chain.executeUpdate(withdrawUpdate, { args: [{ requestId: randomUUID(), comment: '不再需要', actor: actorOf(t.org, who) }] });

    await expect(withdraw(early.chain, 'core')).rejects.toMatchObject({ cause: { type: 'NOT_INITIATOR' } });
    await withdraw(early.chain, 'member');
    await expect(withdraw(late.chain, 'member')).rejects.toMatchObject({ cause: { type: 'WITHDRAW_TOO_LATE' } });

    expect((await early.handle.result()).status).toBe('WITHDRAWN');
    const tasks = await t.db.approvalTask.findMany({ where: { caseId: early.row.id } });
    expect(tasks.map((task) => task.state)).toEqual(['CANCELLED']);
    await late.handle.terminate('test done');
    await recordHistory(early.handle, 'case-withdrawn');
    await recordHistory(early.chain, 'approval-chain-withdrawn');
  });

  it('refuses decisions from the wrong unit and from others once a task is claimed; a lead reassigns', async () => {
    const { row, handle, chain } = await t.startCase();
    await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));
    const eduTask = await t.pendingTask(chain, 1);
    const assign = (who: Who, kind: 'CLAIM' | 'UNCLAIM' | 'REASSIGN', target?: Who) =>
      chain.executeUpdate(assignUpdate, { args: [{ requestId: randomUUID(), taskId: eduTask, kind, actor: actorOf(t.org, who), target: target && { officialId: t.org.officials[target].id, unitCode: actorOf(t.org, target).unitCode, schoolId: null } }] });

    await expect(t.decide(chain, t.decision('fin', eduTask))).rejects.toMatchObject({ cause: { type: 'NOT_ASSIGNED' } });
    await assign('edu', 'CLAIM');
    await expect(t.decide(chain, t.decision('edu2', eduTask))).rejects.toMatchObject({ cause: { type: 'TASK_CLAIMED' } });
    await expect(assign('edu2', 'REASSIGN', 'edu2')).rejects.toMatchObject({ cause: { type: 'NOT_UNIT_LEAD' } });
    await expect(assign('eduLead', 'REASSIGN', 'fin')).rejects.toMatchObject({ cause: { type: 'TARGET_OUTSIDE_UNIT' } });
    await assign('eduLead', 'REASSIGN', 'edu2');
    await expect(t.decide(chain, t.decision('edu', eduTask))).rejects.toMatchObject({ cause: { type: 'TASK_CLAIMED' } });
    await t.decide(chain, t.decision('edu2', eduTask));

    expect((await handle.result()).status).toBe('APPROVED');
    const kinds = (await t.db.caseEvent.findMany({ where: { caseId: row.id } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['CLAIMED', 'REASSIGNED']));
    expect(await t.db.caseEvent.count({ where: { caseId: row.id, kind: 'APPROVED', actorId: t.org.officials.edu2.id } })).toBe(1);
  });

  it('keeps a message in the outbox while the mail relay fails, and delivers it once the relay is back', async () => {
    t.smtp.failing = true;
    try {
      const { row, chain } = await t.startCase();
      await t.pendingTask(chain, 0);
      let stored;
      for (let i = 0; i < 100 && !stored?.lastError; i += 1, await new Promise((r) => setTimeout(r, 100))) {
        stored = await t.db.notification.findFirst({ where: { caseId: row.id, kind: 'NEW_TASK' } });
      }
      expect(stored).toMatchObject({ state: 'PENDING', lastError: expect.stringContaining('relay unavailable') });
      t.smtp.failing = false;
      await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.core.email) && m.subject?.includes(row.title) === true, 30_000);
      await expect.poll(async () => (await t.db.notification.findUniqueOrThrow({ where: { id: stored!.id } })).state, { timeout: 10_000 }).toBe('SENT');
      await t.env.client.workflow.getHandle(row.workflowId).terminate('test done');
    } finally {
      t.smtp.failing = false;
    }
  });

  it('delivers other mail while the relay refuses one mailbox, and that mailbox\'s message once it is taken', async () => {
    const core = t.org.officials.core.email;
    t.smtp.refused.add(core);
    try {
      const { row, chain } = await t.startCase();
      await expect.poll(async () => (await t.db.notification.findFirst({ where: { caseId: row.id, toAddress: core } }))?.lastError ?? null, { timeout: 10_000 }).toContain('mailbox unavailable');

      await t.decide(chain, t.decision('core', await t.pendingTask(chain, 0)));
      await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.edu.email) && m.subject?.includes(row.title) === true, 10_000);

      expect(await t.db.notification.findFirst({ where: { caseId: row.id, toAddress: core } })).toMatchObject({ state: 'PENDING' });
      t.smtp.refused.delete(core);
      await t.smtp.waitFor((m) => recipients(m).includes(core) && m.subject?.includes(row.title) === true, 30_000);
      await t.env.client.workflow.getHandle(row.workflowId).terminate('test done');
    } finally {
      t.smtp.refused.delete(core);
    }
  });
});
