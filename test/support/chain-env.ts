/**
 * A time-skipping Temporal test server with one worker running the real workflows and activities
 * (test database, local SMTP server), and helpers to drive approval chains. One per test file: the
 * Java test server's clock can stay locked by what earlier tests left behind (sdk-java#2670).
 */
import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import type { WorkflowHandle } from '@temporalio/client';
import { createActivities } from '../../activities/index.js';
import { policyConfig } from '../../policy/config.js';
import { createDb, type Db } from '../../prisma/client.js';
import { timeSkippingServerOptions } from '../../scripts/temporal-servers.js';
import { registerSearchAttributes } from '../../worker/search-attributes.js';
import { createMailer } from '../../worker/mailer.js';
import { bundleWorkflows } from '../../worker/worker.js';
import { chainStateQuery, chainWorkflowId, decideUpdate, type ChainSnapshot, type DecisionInput } from '../../workflows/approval-chain/messages.js';
import { caseWorkflow } from '../../workflows/case/workflow.js';
import { actorOf, chainSteps, createCaseRow, createTestOrg, type TestOrg } from './org.js';
import { startTestSmtp, type TestSmtp } from './smtp.js';

export type Who = keyof TestOrg['officials'];

export interface ChainEnv {
  env: TestWorkflowEnvironment;
  db: Db;
  org: TestOrg;
  smtp: TestSmtp;
  /** The worker's task queue: start any case workflow here. */
  taskQueue: string;
  startCase(second?: Parameters<typeof chainSteps>[1]): Promise<{ row: Awaited<ReturnType<typeof createCaseRow>>; handle: WorkflowHandle<typeof caseWorkflow>; chain: WorkflowHandle }>;
  pendingTask(chain: WorkflowHandle, step: number, unitCode?: string): Promise<string>;
  decision(who: Who, taskId: string, action?: DecisionInput['action'], extra?: Partial<DecisionInput>): DecisionInput;
  decide(chain: WorkflowHandle, decision: DecisionInput): Promise<ChainSnapshot>;
  close(): Promise<void>;
}

/** `replayEveryTask`: no workflow cache, so every workflow task replays the whole history first. */
export async function startChainEnv(options: { replayEveryTask?: boolean } = {}): Promise<ChainEnv> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({ server: await timeSkippingServerOptions() });
  await registerSearchAttributes(env.connection, 'default');
  const db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  const org = await createTestOrg(db);
  const smtp = await startTestSmtp();
  // One worker for the file, so the outbox relay keeps delivering what a test leaves behind.
  const taskQueue = `chain-${randomUUID()}`;
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await bundleWorkflows(),
    ...(options.replayEveryTask ? { maxCachedWorkflows: 0 } : {}),
    activities: createActivities({ db, config: policyConfig, mailer: createMailer(smtp.url), publicUrl: 'http://console.test' }),
  });
  const workerRun = worker.run();

  return {
    env,
    db,
    org,
    smtp,
    taskQueue,
    async startCase(second) {
      const row = await createCaseRow(db, org);
      const handle = await env.client.workflow.start(caseWorkflow, { taskQueue, workflowId: row.workflowId, args: [{ caseId: row.id, chain: { caseId: row.id, initiatorId: org.officials.member.id, steps: chainSteps(org, second) } }] });
      return { row, handle, chain: env.client.workflow.getHandle(chainWorkflowId(row.workflowId)) };
    },
    async pendingTask(chain, step, unitCode) {
      for (let i = 0; i < 200; i += 1) {
        const state = await chain.query(chainStateQuery).catch(() => undefined);
        const task = state?.currentStep?.index === step ? state.currentStep.tasks.find((t) => t.status === 'PENDING' && (!unitCode || t.assignee.unitCode === unitCode)) : undefined;
        if (task) return task.taskId;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`step ${step} never opened`);
    },
    decision(who, taskId, action = 'APPROVE', extra = {}) {
      return { requestId: randomUUID(), taskId, action, actor: actorOf(org, who), ...extra };
    },
    decide: (chain, d) => chain.executeUpdate(decideUpdate, { args: [d], updateId: d.requestId }),
    async close() {
      worker.shutdown();
      await workerRun;
      await smtp.close();
      await db.$disconnect();
      await env.teardown();
    },
  };
}
