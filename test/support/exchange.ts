/** Teachers and chain driving for the exchange tests, on top of the shared test organisation. */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { chainStateQuery, chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import type { ChainEnv, Who } from './chain-env.js';
import type { TestOrg } from './org.js';

export interface TeacherOptions {
  schoolId: string;
  joinedGroupOn?: string;
  backbone?: 'NONE' | 'BACKBONE' | 'TEACHING_STAR' | 'SUBJECT_LEADER' | 'SPECIAL_GRADE';
  graduatingClass?: boolean;
  weakSchoolYears?: number;
}

export function createTeacher(db: Db, org: TestOrg, options: TeacherOptions) {
  const tag = randomUUID().slice(0, 8);
  return db.teacher.create({
    data: {
      staffNo: `T-${org.tag}-${tag}`,
      name: `教师 ${tag}`,
      homeSchoolId: options.schoolId,
      currentSchoolId: options.schoolId,
      joinedGroupOn: new Date(options.joinedGroupOn ?? '2015-09-01'),
      backbone: options.backbone ?? 'NONE',
      graduatingClass: options.graduatingClass ?? false,
      weakSchoolYears: options.weakSchoolYears ?? 0,
    },
  });
}

/** The chain a case workflow opened under `name`. */
export function chainOf(t: ChainEnv, workflowId: string, name: string): WorkflowHandle {
  return t.env.client.workflow.getHandle(chainWorkflowId(workflowId, name));
}

/**
 * Waits until the new-task mail of a step is delivered. The time-skipping server keeps its clock
 * locked for good when an abandoned child (the mail) finishes after its parent (the chain) closed
 * (sdk-typescript#1101, sdk-java#2392), so a test that skips time later lets the mails finish first.
 */
async function stepMailDelivered(t: ChainEnv, chain: WorkflowHandle, index: number): Promise<void> {
  const stepKey = (await chain.query(chainStateQuery)).currentStep?.key;
  const mail = t.env.client.workflow.getHandle(`mail:NEW_TASK:${chain.workflowId}:${index}:1`);
  for (let i = 0; i < 200; i += 1) {
    if ((await mail.describe().catch(() => undefined))?.status.name === 'COMPLETED') return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the new-task mail of step ${index} (${stepKey}) was never delivered`);
}

/** Approves each step in turn, by the official given for it, with a form where one is given. */
export async function approveSteps(t: ChainEnv, chain: WorkflowHandle, steps: readonly (Who | [Who, Record<string, unknown>])[]): Promise<void> {
  for (const [index, step] of steps.entries()) {
    const [who, form] = Array.isArray(step) ? step : [step, undefined];
    const taskId = await t.pendingTask(chain, index);
    await stepMailDelivered(t, chain, index);
    await t.decide(chain, t.decision(who, taskId, 'APPROVE', form ? { form } : {}));
  }
}

/** Moves the test server's clock to just after `at` (time skipping), so timers due by then fire. */
export async function skipTo(t: ChainEnv, at: Date, afterMs = 60_000): Promise<void> {
  const ms = at.getTime() + afterMs - (await t.env.currentTimeMs());
  if (ms > 0) await t.env.sleep(ms);
}
