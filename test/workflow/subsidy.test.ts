/**
 * The new-school subsidy period with the real durations on the time-skipping server
 * (R-FUND-NEWSCHOOL, R-FUND-RESERVE): three yearly EDU → FIN approvals, ledger rows in exact fen,
 * FIN reminded before each payment date, and the case completed when the third school year ends.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkflowHandle } from '@temporalio/client';
import { localDate, schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { paymentReminderAt, schoolYearStartsAt } from '../../policy/funding.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { newSchoolSubsidyWorkflowId } from '../../workflows/new-school-subsidy/messages.js';
import { newSchoolSubsidyWorkflow } from '../../workflows/new-school-subsidy/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { createNewSchool } from '../support/funding.js';
import { recordHistory } from '../support/histories.js';
import { recipients } from '../support/smtp.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

const DAY_MS = 86_400_000;
const serverNow = async () => new Date(await t.env.currentTimeMs());

async function skipTo(at: Date): Promise<void> {
  const ms = at.getTime() - (await t.env.currentTimeMs());
  if (ms > 0) await t.env.sleep(ms);
}

async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string): Promise<T> {
  for (let i = 0; i < 200; i += 1) {
    const found = await probe();
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`never: ${what}`);
}

/**
 * Each official takes an hour to decide. Letting the server's clock move before each decision also
 * matters here: long `env.sleep`s after back-to-back decisions did not skip time on the Java test server.
 */
async function decideAfterAnHour(chain: WorkflowHandle, decision: ReturnType<ChainEnv['decision']>) {
  await t.env.sleep(3_600_000);
  return t.decide(chain, decision);
}

/**
 * The result once the workflow has closed: awaiting `result()` of a running workflow on the Java
 * test server after `env.sleep` calls returned only after a one-minute long poll.
 */
async function closedResult<T>(handle: WorkflowHandle<() => Promise<T>>): Promise<T> {
  await until(async () => (await handle.describe()).status.name !== 'RUNNING', 'workflow closed');
  return handle.result();
}

async function approveYear(workflowId: string, schoolYear: number, form: { perCampusFen: number; paymentDate: string }) {
  const chain = t.env.client.workflow.getHandle(chainWorkflowId(workflowId, `year-${schoolYear}`));
  await decideAfterAnHour(chain, t.decision('edu', await t.pendingTask(chain, 0)));
  await decideAfterAnHour(chain, t.decision('fin', await t.pendingTask(chain, 1), 'APPROVE', { form }));
}

describe('new-school subsidy period (R-FUND-NEWSCHOOL, R-FUND-RESERVE)', () => {
  it('R-FUND-NEWSCHOOL: a school founded 3 or more years before is not a new school', async () => {
    const school = await createNewSchool(t.db, t.org, { at: await serverNow(), ageDays: 3 * 366, campuses: [] });
    const handle = await t.env.client.workflow.start(newSchoolSubsidyWorkflow, { taskQueue: t.taskQueue, workflowId: newSchoolSubsidyWorkflowId(school.id), args: [{ schoolId: school.id }] });

    await expect(handle.result()).rejects.toThrow();
    expect(await t.db.case.count({ where: { schoolId: school.id } })).toBe(0);
  });

  it('R-FUND-NEWSCHOOL: three yearly approvals, exact ledger rows, FIN reminded before each payment, completed after year 3', async () => {
    // Arrange
    const startedAt = await serverNow();
    const school = await createNewSchool(t.db, t.org, { at: startedAt, ageDays: 400, campuses: ['东校区', '西校区'] });
    const workflowId = newSchoolSubsidyWorkflowId(school.id);
    const handle = await t.env.client.workflow.start(newSchoolSubsidyWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ schoolId: school.id, initiatorId: t.org.officials.edu.id }] });
    const firstYear = schoolYearOf(startedAt, policyConfig);
    const perCampus = [60_000_000, 50_000_000, 55_000_123];
    const remindedBefore: boolean[] = [];
    const remindedAfter: boolean[] = [];
    const paymentNotices = (year: number) => t.db.notification.count({ where: { kind: 'PAYMENT_DUE', dedupeKey: { contains: `:${year}:` }, case: { schoolId: school.id } } });

    // Act: each school year, approve, then let the payment date come.
    for (const [i, perCampusFen] of perCampus.entries()) {
      const year = firstYear + i;
      if (i > 0) await skipTo(new Date(schoolYearStartsAt(year, policyConfig).getTime() + 60_000));
      const paymentDate = i === 0 ? localDate(new Date(startedAt.getTime() + 30 * DAY_MS), policyConfig.utcOffsetMinutes) : `${year}-10-31`;
      await approveYear(workflowId, year, { perCampusFen, paymentDate });
      await until(async () => (await t.db.ledgerEntry.count({ where: { schoolId: school.id, schoolYear: year } })) === 3, `ledger of ${year}`);
      const reminderAt = paymentReminderAt(paymentDate, policyConfig);
      await skipTo(new Date(reminderAt.getTime() - 3_600_000));
      remindedBefore.push((await paymentNotices(year)) > 0);
      await skipTo(new Date(reminderAt.getTime() + 60_000));
      remindedAfter.push(await until(async () => (await paymentNotices(year)) > 0, `reminder of ${year}`));
    }
    await skipTo(new Date(schoolYearStartsAt(firstYear + 3, policyConfig).getTime() + 60_000));
    const result = await closedResult(handle);

    // Assert
    expect(result.status).toBe('COMPLETED');
    expect(result.years.map((y) => [y.schoolYear, y.status, y.perCampusFen])).toEqual(perCampus.map((fen, i) => [firstYear + i, 'REMINDED', fen]));
    const ledger = await t.db.ledgerEntry.findMany({ where: { schoolId: school.id } });
    const [east = null, west = null] = school.campuses.map((c) => c.id);
    const expected = perCampus.flatMap((fen, i) => [
      { kind: 'NEW_SCHOOL_CAMPUS', schoolYear: firstYear + i, campusId: east, payeeSchoolId: t.org.core.id, amountFen: fen },
      { kind: 'NEW_SCHOOL_CAMPUS', schoolYear: firstYear + i, campusId: west, payeeSchoolId: t.org.core.id, amountFen: fen },
      { kind: 'NEW_SCHOOL_RESERVE', schoolYear: firstYear + i, campusId: null, payeeSchoolId: school.id, amountFen: 80_000_000 },
    ]);
    const byKey = (e: { schoolYear: number; kind: string; campusId: string | null }) => `${e.schoolYear}:${e.kind}:${e.campusId}`;
    const rows = ledger.map(({ kind, schoolYear, campusId, payeeSchoolId, amountFen }) => ({ kind, schoolYear, campusId, payeeSchoolId, amountFen }));
    expect(rows.sort((a, b) => byKey(a).localeCompare(byKey(b)))).toEqual(expected.sort((a, b) => byKey(a).localeCompare(byKey(b))));
    expect(ledger.every((e) => Number.isInteger(e.amountFen) && e.caseId === result.caseId)).toBe(true);
    const caseRow = await t.db.case.findUniqueOrThrow({ where: { id: result.caseId ?? '' } });
    expect(caseRow.status).toBe('COMPLETED');
    expect(remindedBefore).toEqual([false, false, false]);
    expect(remindedAfter).toEqual([true, true, true]);
    const notices = await t.db.notification.findMany({ where: { kind: 'PAYMENT_DUE', caseId: caseRow.id } });
    expect(notices.filter((n) => n.recipientId === t.org.officials.fin.id)).toHaveLength(3);
    await t.smtp.waitFor((m) => recipients(m).includes(t.org.officials.fin.email) && m.subject?.startsWith('【拨付提醒】') === true && m.text?.includes(`${firstYear + 2}年10月31日`) === true);
    const milestones = await t.db.caseEvent.count({ where: { caseId: caseRow.id, kind: 'MILESTONE' } });
    expect(milestones).toBe(6);
    await recordHistory(handle, 'new-school-subsidy-completed');
  }, 300_000);
});
