/**
 * A deadline that counts days of a year the bureau has not entered yet is provisional, and moves
 * when the year arrives (issue 14 point 1, RULES.md "Dates"): the task shows the recounted
 * deadline, the timeline says so, and the chain's reminder and overdue timers follow it. The test
 * server's clock is moved to the end of 2039, years no other test counts deadlines in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarService } from '../../application/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { chainStateQuery } from '../../workflows/approval-chain/messages.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { recordHistory } from '../support/histories.js';
import { recipients } from '../support/smtp.js';

const YEARS = [2039, 2040];
const at = (local: string) => new Date(`${local}+08:00`);
let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.db.calendarYear.deleteMany({ where: { year: { in: YEARS } } });
  await t?.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('condition never held');
}

describe('deadlines and the working-day calendar', () => {
  it('a step opened on 28 Dec 2039 is due provisionally on 4 Jan 2040, and on 6 Jan once 2040 is entered with 2–3 Jan as holidays', async () => {
    // Arrange: Wednesday 28 December 2039, 10:00 in Asia/Shanghai; neither 2039 nor 2040 is entered.
    await t.env.sleep(at('2039-12-28T10:00:00').getTime() - (await t.env.currentTimeMs()));
    const { row, handle, chain } = await t.startCase();
    const taskId = await t.pendingTask(chain, 0);
    const opened = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    const service = calendarService({ db: t.db, temporal: t.env.client, config: policyConfig, taskQueue: t.taskQueue });

    // Act: the bureau enters 2039, then 2040.
    const saved2039 = await service.saveYear({ actorId: t.org.officials.edu.id, year: 2039, days: [{ date: '2039-01-01', kind: 'HOLIDAY', name: '元旦' }], source: 'API' });
    const recount2039 = await until(() => t.env.client.workflow.getHandle(saved2039.recountWorkflowId).describe(), (d) => d.status.name !== 'RUNNING');
    const still = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    const saved2040 = await service.saveYear({
      actorId: t.org.officials.edu.id,
      year: 2040,
      days: ['2040-01-01', '2040-01-02', '2040-01-03'].map((date) => ({ date, kind: 'HOLIDAY' as const, name: '元旦' })),
      source: 'API',
    });
    const moved = await until(() => t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } }), (task) => !task.dueProvisional);

    // Assert: Thu 29, Fri 30 Dec, then Mon 2 – Wed 4 Jan count without data; with it, Wed 4 – Fri 6 Jan.
    expect([opened.dueAt, opened.dueProvisional, opened.deadlineWorkingDays]).toEqual([at('2040-01-05T00:00:00'), true, 5]);
    expect(recount2039.status.name).toBe('COMPLETED');
    expect([still.dueAt, still.dueProvisional]).toEqual([at('2040-01-05T00:00:00'), true]);
    expect(moved.dueAt).toEqual(at('2040-01-07T00:00:00'));
    expect(saved2040.recountWorkflowId).not.toBe(saved2039.recountWorkflowId);
    const changed = await t.db.caseEvent.findMany({ where: { caseId: row.id, kind: 'DEADLINE_CHANGED' } });
    expect(changed.map((e) => e.comment)).toEqual([at('2040-01-07T00:00:00').toISOString()]);
    expect((await until(() => chain.query(chainStateQuery), (s) => s.currentStep?.dueAt === at('2040-01-07T00:00:00').toISOString())).currentStep?.overdue).toBe(false);

    // The old deadline passes without a reminder or an overdue flag: the timers moved with it.
    await t.env.sleep(at('2040-01-05T01:00:00').getTime() - (await t.env.currentTimeMs()));
    const atOldDeadline = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    expect([atOldDeadline.overdue, atOldDeadline.reminderSentAt]).toEqual([false, null]);
    expect((await chain.query(chainStateQuery)).currentStep?.overdue).toBe(false);

    // The new deadline is reminded 24 h before and then flagged overdue and escalated.
    await t.env.sleep(at('2040-01-07T01:00:00').getTime() - (await t.env.currentTimeMs()));
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.core.email) && m.subject?.startsWith('【已超期】') === true);
    const late = await t.db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
    expect(late.overdue).toBe(true);
    expect(late.reminderSentAt).not.toBeNull();
    expect((await chain.query(chainStateQuery)).currentStep?.overdue).toBe(true);
    await t.decide(chain, t.decision('core', taskId));
    await t.decide(chain, t.decision('edu', await t.pendingTask(chain, 1)));
    await recordHistory(chain, 'approval-chain-deadline-moved');
    await handle.result();
  });
});
