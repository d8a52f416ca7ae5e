/**
 * Issue 14 point 2: the policy's numbers are versioned data, and a case keeps the version it
 * started under. The bureau shortens exchange terms (R-EXCH-RETURN, configurable) from 3 school
 * years to 2 while a term runs: the running term keeps 3, a term nominated after the change's
 * effective date gets 2, and each case row names its version. The test server's clock is moved to
 * 2044–2045, where no other test's cases look for a policy version.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { addPolicyVersion } from '../../prisma/policy.js';
import { exchangeTermWorkflowId, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { exchangeTermWorkflow } from '../../workflows/exchange-term/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { createTeacher } from '../support/exchange.js';
import { recordHistory } from '../support/histories.js';

const EFFECTIVE = new Date('2045-01-01T00:00:00+08:00');
let t: ChainEnv;
let added: number | undefined;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  if (added) await t?.db.policyVersion.deleteMany({ where: { version: added } });
  await t?.close();
});

async function startTerm(teacherId: string) {
  const startSchoolYear = schoolYearOf(new Date(await t.env.currentTimeMs()), policyConfig) + 1;
  const workflowId = exchangeTermWorkflowId(teacherId, startSchoolYear);
  const handle = await t.env.client.workflow.start(exchangeTermWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ teacherId, toSchoolId: t.org.member.id, startSchoolYear, initiatorId: t.org.officials.core.id }] });
  await expect.poll(async () => (await handle.query(termStateQuery)).caseId, { timeout: 20_000 }).not.toBeNull();
  return { handle, startSchoolYear };
}

describe('policy versions', () => {
  it('R-EXCH-RETURN: a term running when the term length changes keeps 3 school years; one started after the change gets 2', { timeout: 120_000 }, async () => {
    // Arrange: a term nominated in October 2044, under version 1.
    await t.env.sleep(new Date('2044-10-08T10:00:00+08:00').getTime() - (await t.env.currentTimeMs()));
    const before = await startTerm((await createTeacher(t.db, t.org, { schoolId: t.org.core.id })).id);

    // Act: EDU shortens terms from 1 January 2045; a second teacher is nominated after that day.
    const version = await addPolicyVersion(t.db, { actorId: t.org.officials.eduLead.id, effectiveFrom: EFFECTIVE, note: 'test: terms of 2 school years', changes: { exchange: { termSchoolYears: 2 } } });
    added = version.version;
    await t.env.sleep(new Date('2045-01-05T10:00:00+08:00').getTime() - (await t.env.currentTimeMs()));
    const after = await startTerm((await createTeacher(t.db, t.org, { schoolId: t.org.core.id })).id);

    // Assert
    const running = await before.handle.query(termStateQuery);
    const started = await after.handle.query(termStateQuery);
    expect(running.schoolYears).toEqual([before.startSchoolYear, before.startSchoolYear + 1, before.startSchoolYear + 2]);
    expect(started.schoolYears).toEqual([after.startSchoolYear, after.startSchoolYear + 1]);
    expect(version.config.exchange.termSchoolYears).toBe(2);
    expect(version.config.exchange.refusalDeductionPoints).toBe(policyConfig.exchange.refusalDeductionPoints);
    const rows = await t.db.case.findMany({ where: { id: { in: [running.caseId as string, started.caseId as string] } }, select: { id: true, policyVersion: true } });
    expect(Object.fromEntries(rows.map((r) => [r.id, r.policyVersion]))).toEqual({ [running.caseId as string]: 1, [started.caseId as string]: version.version });
    expect(await t.db.auditLog.count({ where: { action: 'POLICY_VERSION_ADDED', actorId: t.org.officials.eduLead.id } })).toBe(1);
    await before.handle.terminate('test done');
    await after.handle.terminate('test done');
    await recordHistory(after.handle, 'exchange-term-policy-version');
  });
});
