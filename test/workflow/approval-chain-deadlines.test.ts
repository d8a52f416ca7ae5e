/**
 * Deadlines with the real durations on the time-skipping test server: the reminder 24 h before a
 * step's 5-working-day deadline, then overdue, escalation to the task force, and the e-mails.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { chainStateQuery } from '../../workflows/approval-chain/messages.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { recipients } from '../support/smtp.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

describe('approval chain deadlines', () => {
  it('reminds 24 h before the 5-working-day deadline, then flags the step overdue and escalates to the task force', async () => {
    const { row, handle, chain } = await t.startCase();
    const taskId = await t.pendingTask(chain, 0);
    const dueAt = Date.parse((await chain.query(chainStateQuery)).currentStep?.dueAt ?? '');
    const untilReminder = dueAt - Date.now() - policyConfig.approval.reminderLeadHours * 3_600_000;

    await t.env.sleep(untilReminder - 60_000);
    const beforeReminder = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await t.env.sleep(120_000);
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.core.email) && m.subject?.startsWith('【催办】') === true);
    const afterReminder = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    await t.env.sleep(policyConfig.approval.reminderLeadHours * 3_600_000);
    const overdueMail = await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.core.email) && m.subject?.startsWith('【已超期】') === true);
    const escalation = await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.taskforce.email) && m.subject?.startsWith('【督办】') === true);

    expect(beforeReminder.reminderSentAt).toBeNull();
    expect(afterReminder.reminderSentAt).not.toBeNull();
    expect(overdueMail.text).toContain('工作专班');
    expect(escalation.text).toContain(row.title);
    expect((await chain.query(chainStateQuery)).currentStep?.overdue).toBe(true);
    expect((await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } })).overdue).toBe(true);
    const kinds = (await t.db.caseEvent.findMany({ where: { caseId: row.id } })).map((e) => e.kind);
    expect(kinds).toEqual(expect.arrayContaining(['REMINDER_SENT', 'OVERDUE', 'ESCALATED']));
    await t.decide(chain, t.decision('core', taskId));
    expect((await chain.query(chainStateQuery)).currentStep?.index).toBe(1);
    await handle.terminate('test done');
  });

});
