/**
 * Issue 14 point 3, Worker Deployment Versioning on the dev server: a multi-year case (an exchange
 * term) is PINNED to the build it started on and finishes its steps there after a new build became
 * current, while new cases start on the new build; its approval chain, a short workflow,
 * AUTO_UPGRADEs to the new build.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Client, WorkflowHandle } from '@temporalio/client';
import proto from '@temporalio/proto';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { policyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import { createCaseWorker } from '../../worker/worker.js';
import { chainStateQuery, chainWorkflowId, decideUpdate } from '../../workflows/approval-chain/messages.js';
import { exchangeTermWorkflowId, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { exchangeTermWorkflow } from '../../workflows/exchange-term/workflow.js';
import { createTeacher } from '../support/exchange.js';
import { actorOf } from '../support/org.js';
import { startStack, type Stack } from '../support/stack.js';

let s: Stack;
let connection: NativeConnection;
const running: { worker: Worker; run: Promise<void> }[] = [];
const deploymentName = `groupflow-test-${randomUUID().slice(0, 8)}`;
const taskQueue = `versioned-${randomUUID()}`;

beforeAll(async () => {
  s = await startStack();
  connection = await NativeConnection.connect({ address: inject('temporalAddress') });
});

afterAll(async () => {
  for (const { worker, run } of running) {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await run;
  }
  await connection?.close();
  await s?.close();
});

async function startBuild(buildId: string): Promise<void> {
  const worker = await createCaseWorker({ connection, namespace: 'default', taskQueue, db: s.db, config: policyConfig, deployment: { name: deploymentName, buildId } });
  running.push({ worker, run: worker.run() });
}

/** What an operator does at a release: the new build becomes the deployment's current version. */
async function makeCurrent(temporal: Client, buildId: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await temporal.workflowService.setWorkerDeploymentCurrentVersion({ namespace: 'default', deploymentName, buildId, identity: 'test' });
      return;
    } catch (err) {
      // The server learns of a version from its workers' polls.
      if (attempt > 50) throw err;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

async function versionOf(handle: WorkflowHandle): Promise<{ behavior: string; buildId: string | undefined }> {
  for (let i = 0; i < 100; i += 1) {
    const info = (await handle.describe()).raw.workflowExecutionInfo?.versioningInfo;
    if (info?.deploymentVersion?.buildId) return { behavior: proto.temporal.api.enums.v1.VersioningBehavior[info.behavior ?? 0] ?? String(info.behavior), buildId: info.deploymentVersion.buildId };
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${handle.workflowId} has no deployment version`);
}

/** The build that completed the workflow's last workflow task. */
async function lastBuild(handle: WorkflowHandle): Promise<string | undefined> {
  const events = (await handle.fetchHistory()).events ?? [];
  const completed = events.filter((e) => e.workflowTaskCompletedEventAttributes).pop();
  return completed?.workflowTaskCompletedEventAttributes?.deploymentVersion?.buildId ?? undefined;
}

async function startTerm(): Promise<WorkflowHandle<typeof exchangeTermWorkflow>> {
  const teacher = await createTeacher(s.db, s.org, { schoolId: s.org.core.id });
  const startSchoolYear = schoolYearOf(new Date(), policyConfig) + 1;
  return s.temporal.workflow.start(exchangeTermWorkflow, { taskQueue, workflowId: exchangeTermWorkflowId(teacher.id, startSchoolYear), args: [{ teacherId: teacher.id, toSchoolId: s.org.member.id, startSchoolYear, initiatorId: s.org.officials.core.id }] });
}

async function approveNomination(term: WorkflowHandle): Promise<void> {
  const chain = s.temporal.workflow.getHandle(chainWorkflowId(term.workflowId, 'nomination'));
  // Home school (the core school here), core school, EDU, then HR: the core→member bonus moves title points.
  for (const [index, who] of (['core', 'core', 'edu', 'hr'] as const).entries()) {
    let taskId: string | undefined;
    for (let i = 0; i < 100 && !taskId; i += 1) {
      const state = await chain.query(chainStateQuery).catch(() => undefined);
      taskId = state?.currentStep?.index === index ? state.currentStep.tasks.find((t) => t.status === 'PENDING')?.taskId : undefined;
      if (!taskId) await new Promise((r) => setTimeout(r, 100));
    }
    if (!taskId) throw new Error(`step ${index} never opened`);
    await chain.executeUpdate(decideUpdate, { args: [{ requestId: randomUUID(), taskId, action: 'APPROVE', actor: actorOf(s.org, who) }] });
  }
}

describe('worker deployment versioning', () => {
  it('a pinned exchange term finishes on its old build while new terms start on the new one', { timeout: 120_000 }, async () => {
    // Arrange: build "a" is current; a term starts on it.
    await startBuild('a');
    await makeCurrent(s.temporal, 'a');
    const old = await startTerm();
    expect(await versionOf(old)).toEqual({ behavior: 'VERSIONING_BEHAVIOR_PINNED', buildId: 'a' });

    // Act: the release of build "b"; a second term starts; the first one's nomination is approved.
    await startBuild('b');
    await makeCurrent(s.temporal, 'b');
    const fresh = await startTerm();
    await approveNomination(old);
    await expect.poll(async () => (await old.query(termStateQuery)).phase, { timeout: 30_000 }).toBe('APPROVED');

    // Assert
    expect(await versionOf(fresh)).toEqual({ behavior: 'VERSIONING_BEHAVIOR_PINNED', buildId: 'b' });
    expect(await versionOf(old)).toEqual({ behavior: 'VERSIONING_BEHAVIOR_PINNED', buildId: 'a' });
    expect(await lastBuild(old)).toBe('a');
    const chain = s.temporal.workflow.getHandle(chainWorkflowId(old.workflowId, 'nomination'));
    expect((await versionOf(chain)).behavior).toBe('VERSIONING_BEHAVIOR_AUTO_UPGRADE');
    expect(await lastBuild(chain)).toBe('b');
    await old.terminate('test done');
    await fresh.terminate('test done');
  });
});
