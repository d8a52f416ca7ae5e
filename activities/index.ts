/**
 * Every side effect of the case workflows. Each activity is idempotent: a retry after a crash finds
 * what the first attempt wrote (by natural keys and event dedupe keys) and writes nothing twice.
 */
import { addWorkingDays } from '../policy/calendar.js';
import { ESCALATION_UNIT } from '../policy/approval-chains.js';
import type { PolicyConfig } from '../policy/config.js';
import type { Db } from '../prisma/client.js';
import type { StepAssignee } from '../workflows/approval-case/messages.js';

export interface ActivityDeps {
  db: Db;
  config: PolicyConfig;
  now?: () => Date;
}

export function createActivities({ db, config, now = () => new Date() }: ActivityDeps) {
  async function addEvent(event: { caseId: string; taskId?: string; kind: 'STEP_OPENED' | 'APPROVED' | 'REJECTED' | 'OVERDUE' | 'ESCALATED' | 'CLOSED'; actorId?: string; comment?: string; dedupeKey: string }): Promise<void> {
    await db.caseEvent.upsert({ where: { dedupeKey: event.dedupeKey }, create: event, update: {} });
  }

  return {
    async openStep(input: { caseId: string; stepIndex: number; stepKey: string; assignee: StepAssignee; deadlineWorkingDays: number }) {
      const openedAt = now();
      const key = { caseId: input.caseId, stepIndex: input.stepIndex, round: 1 };
      const task = await db.approvalTask.upsert({
        where: { caseId_stepIndex_round: key },
        create: {
          ...key,
          stepKey: input.stepKey,
          unitId: input.assignee.unitId ?? null,
          schoolId: input.assignee.schoolId ?? null,
          openedAt,
          dueAt: addWorkingDays(openedAt, input.deadlineWorkingDays, config),
        },
        update: {},
      });
      await addEvent({ caseId: input.caseId, taskId: task.id, kind: 'STEP_OPENED', dedupeKey: `open:${task.id}` });
      return { taskId: task.id, dueAt: task.dueAt.toISOString(), msUntilDue: Math.max(0, task.dueAt.getTime() - now().getTime()) };
    },

    async recordDecision(input: { caseId: string; taskId: string; requestId: string; actorId: string; action: 'APPROVE' | 'REJECT'; comment?: string }) {
      const state = input.action === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      await db.$transaction([
        db.approvalTask.update({ where: { id: input.taskId }, data: { state, assigneeId: input.actorId, closedAt: now() } }),
        db.caseEvent.upsert({
          where: { dedupeKey: `decision:${input.caseId}:${input.requestId}` },
          create: { caseId: input.caseId, taskId: input.taskId, kind: state, actorId: input.actorId, comment: input.comment ?? null, dedupeKey: `decision:${input.caseId}:${input.requestId}` },
          update: {},
        }),
      ]);
    },

    async escalateOverdueStep(input: { caseId: string; taskId: string }) {
      await db.approvalTask.update({ where: { id: input.taskId }, data: { overdue: true } });
      await addEvent({ caseId: input.caseId, taskId: input.taskId, kind: 'OVERDUE', dedupeKey: `overdue:${input.taskId}` });
      await addEvent({ caseId: input.caseId, taskId: input.taskId, kind: 'ESCALATED', comment: ESCALATION_UNIT, dedupeKey: `escalated:${input.taskId}` });
    },

    async closeCase(input: { caseId: string; status: 'APPROVED' | 'REJECTED' }) {
      const closedAt = now();
      await db.$transaction([
        db.case.update({ where: { id: input.caseId }, data: { status: input.status, closedAt } }),
        db.approvalTask.updateMany({ where: { caseId: input.caseId, state: 'PENDING' }, data: { state: 'CANCELLED', closedAt } }),
      ]);
      await addEvent({ caseId: input.caseId, kind: 'CLOSED', comment: input.status, dedupeKey: `closed:${input.caseId}` });
    },
  };
}

export type CaseActivities = ReturnType<typeof createActivities>;
