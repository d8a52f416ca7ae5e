/** Teachers and chain driving for the exchange tests, on top of the shared test organisation. */
import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { Db } from '../../prisma/client.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
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
 * Waits until the new-task mail of a step is delivered, so a test that skips time later does not
 * skip past the outbox relay's work on this step.
 */
async function stepMailDelivered(t: ChainEnv, chain: WorkflowHandle, index: number): Promise<void> {
  const where = { dedupeKey: { startsWith: `NEW_TASK:${chain.workflowId}:${index}:1:` } };
  for (let i = 0; i < 200; i += 1) {
    const [queued, pending] = await Promise.all([t.db.notification.count({ where }), t.db.notification.count({ where: { ...where, state: 'PENDING' as const } })]);
    if (queued > 0 && pending === 0) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`the new-task mail of step ${index} was never delivered`);
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
