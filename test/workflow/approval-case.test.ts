/**
 * The approval chain on the time-skipping test server with the real deadline (5 working days,
 * policyConfig.approval) and real activities writing to the test database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { createActivities } from '../../activities/index.js';
import { policyConfig } from '../../policy/config.js';
import { createDb, type Db } from '../../prisma/client.js';
import { timeSkippingServerOptions } from '../../scripts/temporal-servers.js';
import { registerSearchAttributes } from '../../worker/search-attributes.js';
import { bundleWorkflows } from '../../worker/worker.js';
import { caseStateQuery, decideUpdate, type DecisionInput } from '../../workflows/approval-case/messages.js';
import { approvalCaseWorkflow } from '../../workflows/approval-case/workflow.js';
import { createCaseRow, createTestOrg, genericSteps, type TestOrg } from '../support/org.js';

let env: TestWorkflowEnvironment;
let bundle: { codePath: string };
let db: Db;
let org: TestOrg;

beforeAll(async () => {
  env = await TestWorkflowEnvironment.createTimeSkipping({ server: await timeSkippingServerOptions() });
  await registerSearchAttributes(env.connection, 'default');
  bundle = await bundleWorkflows();
  db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  org = await createTestOrg(db);
});

afterAll(async () => {
  await db?.$disconnect();
  await env?.teardown();
});

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: bundle,
    activities: createActivities({ db, config: policyConfig }),
  });
  return worker.runUntil(fn(taskQueue));
}

function decision(org: TestOrg, who: 'core' | 'edu' | 'fin', taskId: string, action: 'APPROVE' | 'REJECT' = 'APPROVE', comment?: string): DecisionInput {
  const official = org.officials[who];
  return { requestId: randomUUID(), taskId, action, comment, actor: { officialId: official.id, unitCode: who === 'core' ? null : who.toUpperCase(), schoolId: official.schoolId } };
}

async function startCase(taskQueue: string) {
  const row = await createCaseRow(db, org);
  const handle = await env.client.workflow.start(approvalCaseWorkflow, { taskQueue, workflowId: row.workflowId, args: [{ caseId: row.id, steps: genericSteps(org, policyConfig.approval.stepDeadlineWorkingDays) }] });
  return { row, handle };
}

async function pendingTaskId(handle: Awaited<ReturnType<typeof startCase>>['handle']): Promise<string> {
  for (;;) {
    const state = await handle.query(caseStateQuery);
    const step = state.currentStepIndex === null ? undefined : state.steps[state.currentStepIndex];
    if (step?.state === 'PENDING' && step.taskId) return step.taskId;
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('approval case workflow', () => {
  it('runs both steps to approval and records each decision once', async () => {
    await withWorker(async (taskQueue) => {
      // Arrange
      const { row, handle } = await startCase(taskQueue);
      // Act
      const first = decision(org, 'core', await pendingTaskId(handle));
      const afterFirst = await handle.executeUpdate(decideUpdate, { args: [first], updateId: first.requestId });
      const again = await handle.executeUpdate(decideUpdate, { args: [first], updateId: first.requestId });
      await handle.executeUpdate(decideUpdate, { args: [decision(org, 'edu', await pendingTaskId(handle))] });
      const result = await handle.result();
      // Assert
      expect(afterFirst.currentStepIndex).toBe(1);
      expect(afterFirst.steps[1]?.state).toBe('PENDING');
      expect(again).toEqual(afterFirst);
      expect(result.status).toBe('APPROVED');
      const stored = await db.case.findUniqueOrThrow({ where: { id: row.id }, include: { tasks: true, events: true } });
      expect(stored.status).toBe('APPROVED');
      expect(stored.tasks.map((t) => t.state)).toEqual(['APPROVED', 'APPROVED']);
      expect(stored.events.filter((e) => e.kind === 'APPROVED')).toHaveLength(2);
    });
  });

  it('refuses a decision from a unit the step is not routed to, before writing anything', async () => {
    await withWorker(async (taskQueue) => {
      const { row, handle } = await startCase(taskQueue);
      const taskId = await pendingTaskId(handle);

      const refused = handle.executeUpdate(decideUpdate, { args: [decision(org, 'fin', taskId)] });

      await expect(refused).rejects.toBeInstanceOf(WorkflowUpdateFailedError);
      await expect(refused).rejects.toMatchObject({ cause: { type: 'NOT_ASSIGNED' } });
      const events = await db.caseEvent.findMany({ where: { caseId: row.id, kind: { in: ['APPROVED', 'REJECTED'] } } });
      expect(events).toHaveLength(0);
      await handle.terminate('test done');
    });
  });

  it('ends the chain on a rejection, which needs a comment', async () => {
    await withWorker(async (taskQueue) => {
      const { row, handle } = await startCase(taskQueue);
      const taskId = await pendingTaskId(handle);

      const noComment = handle.executeUpdate(decideUpdate, { args: [decision(org, 'core', taskId, 'REJECT')] });
      await expect(noComment).rejects.toMatchObject({ cause: { type: 'COMMENT_REQUIRED' } });
      await handle.executeUpdate(decideUpdate, { args: [decision(org, 'core', taskId, 'REJECT', '材料不全')] });

      expect((await handle.result()).status).toBe('REJECTED');
      const stored = await db.case.findUniqueOrThrow({ where: { id: row.id }, include: { tasks: true } });
      expect(stored.status).toBe('REJECTED');
      expect(stored.tasks).toHaveLength(1);
    });
  });

  it('flags a step overdue and escalates it after its 5 working days, then still takes the decision', async () => {
    await withWorker(async (taskQueue) => {
      const { row, handle } = await startCase(taskQueue);
      const taskId = await pendingTaskId(handle);

      // 5 working days are at most 5 + 2 weekend days + 1 partial day, and fewer than 10 days
      // in any week without a long holiday.
      await env.sleep('4 days');
      expect((await handle.query(caseStateQuery)).steps[0]?.overdue).toBe(false);
      await env.sleep('10 days');
      const state = await handle.query(caseStateQuery);

      expect(state.steps[0]?.overdue).toBe(true);
      const task = await db.approvalTask.findUniqueOrThrow({ where: { id: taskId } });
      expect(task.overdue).toBe(true);
      const kinds = (await db.caseEvent.findMany({ where: { caseId: row.id } })).map((e) => e.kind);
      expect(kinds).toEqual(expect.arrayContaining(['OVERDUE', 'ESCALATED']));
      await handle.executeUpdate(decideUpdate, { args: [decision(org, 'core', taskId)] });
      expect((await handle.query(caseStateQuery)).currentStepIndex).toBe(1);
      await handle.terminate('test done');
    });
  });
});
