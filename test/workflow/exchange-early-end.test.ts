/**
 * Ending an exchange term early (illness, transfer) on the time-skipping server: EDU approves the
 * request sent as an Update, the open score step leaves the inbox, the teacher is back home.
 * Its own file (its own test server): a term completed earlier in the file can leave the server's
 * clock locked (sdk-typescript#1101), and this test must skip time.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { assessmentOpensAt } from '../../policy/exchange.js';
import { exchangeTermWorkflowId, requestEarlyEndUpdate } from '../../workflows/exchange-term/messages.js';
import { exchangeTermWorkflow } from '../../workflows/exchange-term/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { approveSteps, chainOf, createTeacher, skipTo } from '../support/exchange.js';
import { actorOf } from '../support/org.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
});

afterAll(async () => {
  await t?.close();
});

describe('exchange term ended early', () => {
  it('ends a term early when EDU approves the request, cancelling the open score step', async () => {
    const teacher = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const start = schoolYearOf(new Date(await t.env.currentTimeMs()), policyConfig) + 1;
    const workflowId = exchangeTermWorkflowId(teacher.id, start);
    const handle = await t.env.client.workflow.start(exchangeTermWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ teacherId: teacher.id, toSchoolId: t.org.core.id, startSchoolYear: start, initiatorId: t.org.officials.member.id }] });
    const early = { reason: 'ILLNESS' as const, comment: '病休', actor: actorOf(t.org, 'member') };

    await expect(handle.executeUpdate(requestEarlyEndUpdate, { args: [{ requestId: randomUUID(), ...early }] })).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
    // Member → core: no title points move, so no HR step.
    await approveSteps(t, chainOf(t, workflowId, 'nomination'), ['member', 'core', 'edu']);
    await skipTo(t, assessmentOpensAt(start, policyConfig));
    await t.pendingTask(chainOf(t, workflowId, `score-${start}`), 0);

    const requested = await handle.executeUpdate(requestEarlyEndUpdate, { args: [{ requestId: randomUUID(), ...early }] });
    expect(requested).toMatchObject({ phase: 'ACTIVE', earlyEnd: { reason: 'ILLNESS', status: 'PENDING' } });
    await approveSteps(t, chainOf(t, workflowId, 'early-end-1'), ['edu']);

    expect(await handle.result()).toMatchObject({ phase: 'ENDED_EARLY' });
    const after = await t.db.teacher.findUniqueOrThrow({ where: { id: teacher.id }, include: { exchanges: true, titlePoints: true } });
    expect(after.currentSchoolId).toBe(t.org.member.id);
    expect(after.exchanges).toMatchObject([{ status: 'ENDED_EARLY', endReason: 'ILLNESS: 病休' }]);
    expect(after.titlePoints).toEqual([]);
    const caseRow = await t.db.case.findFirstOrThrow({ where: { workflowId }, include: { tasks: true } });
    expect(caseRow.status).toBe('ENDED_EARLY');
    expect(caseRow.tasks.filter((task) => task.stepKey === 'exchange-year-score').map((task) => task.state)).toEqual(['CANCELLED']);
    await recordHistory(handle, 'exchange-term-ended-early');
  });
});
