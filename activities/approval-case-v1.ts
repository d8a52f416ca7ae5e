/** Activities of the first, flat approval case (workflows/approval-case), kept for its running cases. */
import { ESCALATION_UNIT } from '../policy/approval-chains.js';
import type { StepAssignee } from '../workflows/approval-case/messages.js';
import { addEvent, type ActivityDeps } from './deps.js';

export function approvalCaseV1Activities({ db, calendar, now = () => new Date() }: ActivityDeps) {
  return {
    async openStep(input: { caseId: string; stepIndex: number; stepKey: string; assignee: StepAssignee; deadlineWorkingDays: number }) {
      const openedAt = now();
      const deadline = await calendar.deadline(openedAt, input.deadlineWorkingDays);
      const taskKey = `${input.caseId}:${input.stepIndex}:1`;
      const task = await db.approvalTask.upsert({
        where: { taskKey },
        create: {
          taskKey,
          caseId: input.caseId,
          stepIndex: input.stepIndex,
          stepKey: input.stepKey,
          unitId: input.assignee.unitId ?? null,
          schoolId: input.assignee.schoolId ?? null,
          openedAt,
          dueAt: deadline.dueAt,
          dueProvisional: deadline.provisional,
          deadlineWorkingDays: input.deadlineWorkingDays,
        },
        update: {},
      });
      await addEvent(db, { caseId: input.caseId, taskId: task.id, kind: 'STEP_OPENED', dedupeKey: `open:${task.id}` });
      return { taskId: task.id, dueAt: task.dueAt.toISOString(), msUntilDue: Math.max(0, task.dueAt.getTime() - now().getTime()) };
    },

    async recordDecision(input: { caseId: string; taskId: string; requestId: string; actorId: string; action: 'APPROVE' | 'REJECT'; comment?: string }) {
      const state = input.action === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      const dedupeKey = `decision:${input.caseId}:${input.requestId}`;
      await db.$transaction([
        db.approvalTask.update({ where: { id: input.taskId }, data: { state, assigneeId: input.actorId, closedAt: now() } }),
        db.caseEvent.upsert({ where: { dedupeKey }, create: { caseId: input.caseId, taskId: input.taskId, kind: state, actorId: input.actorId, comment: input.comment ?? null, dedupeKey }, update: {} }),
      ]);
    },

    async escalateOverdueStep(input: { caseId: string; taskId: string }) {
      await db.approvalTask.update({ where: { id: input.taskId }, data: { overdue: true } });
      await addEvent(db, { caseId: input.caseId, taskId: input.taskId, kind: 'OVERDUE', dedupeKey: `overdue:${input.taskId}` });
      await addEvent(db, { caseId: input.caseId, taskId: input.taskId, kind: 'ESCALATED', comment: ESCALATION_UNIT, dedupeKey: `escalated:${input.taskId}` });
    },
  };
}
