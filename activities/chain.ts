/** Read-model writes of the approval chain: tasks, decisions and the audit trail, each idempotent. */
import type { Prisma } from '../generated/prisma/client.js';
import { ESCALATION_UNIT } from '../policy/approval-chains.js';
import type { ChainStep, DecisionAction } from '../workflows/approval-chain/messages.js';
import { addEvent, type ActivityDeps, type EventKind } from './deps.js';

const HOUR_MS = 3_600_000;
const decisionKind = { APPROVE: 'APPROVED', REJECT: 'REJECTED', RETURN: 'RETURNED' } as const;

export function chainActivities({ db, config, calendar, now = () => new Date() }: ActivityDeps) {
  return {
    /** `openedAt`: the workflow's own time, so deadlines follow the server's clock (and the test server's skipped time). */
    async openStepTasks(input: { caseId: string; chainWorkflowId: string; stepIndex: number; round: number; step: ChainStep; openedAt: string }) {
      const openedAt = new Date(input.openedAt);
      const deadline = await calendar.deadline(openedAt, input.step.deadlineWorkingDays);
      const tasks = [];
      for (const assignee of input.step.assignees) {
        const taskKey = `${input.chainWorkflowId}:${input.stepIndex}:${input.round}:${assignee.unitId ?? assignee.schoolId}`;
        const task = await db.approvalTask.upsert({
          where: { taskKey },
          create: {
            taskKey,
            caseId: input.caseId,
            chainWorkflowId: input.chainWorkflowId,
            stepIndex: input.stepIndex,
            round: input.round,
            stepKey: input.step.key,
            stepKind: input.step.kind,
            leadOnly: input.step.leadOnly,
            formKind: input.step.form ?? null,
            unitId: assignee.unitId ?? null,
            schoolId: assignee.schoolId ?? null,
            openedAt,
            dueAt: deadline.dueAt,
            dueProvisional: deadline.provisional,
            deadlineWorkingDays: input.step.deadlineWorkingDays,
          },
          update: {},
        });
        await addEvent(db, { caseId: input.caseId, taskId: task.id, kind: 'STEP_OPENED', dedupeKey: `open:${task.id}` });
        tasks.push({ taskId: task.id, assignee, dueAt: task.dueAt });
      }
      // A retry keeps the due date the first attempt stored.
      const due = tasks[0]?.dueAt ?? deadline.dueAt;
      const msUntilDue = Math.max(0, due.getTime() - openedAt.getTime());
      return {
        tasks: tasks.map(({ taskId, assignee }) => ({ taskId, assignee })),
        dueAt: due.toISOString(),
        msUntilDue,
        msUntilReminder: Math.max(0, msUntilDue - config.approval.reminderLeadHours * HOUR_MS),
      };
    },

    async recordChainDecision(input: { caseId: string; taskId: string; requestId: string; actorId: string; onBehalfOfId?: string; action: DecisionAction; returnTo?: 'PREVIOUS' | 'INITIATOR'; comment?: string; form?: Record<string, unknown> }) {
      const kind = decisionKind[input.action];
      const dedupeKey = `decision:${input.caseId}:${input.requestId}`;
      const comment = input.action === 'RETURN' ? `[${input.returnTo ?? 'PREVIOUS'}] ${input.comment ?? ''}` : (input.comment ?? null);
      await db.$transaction([
        db.approvalTask.update({ where: { id: input.taskId }, data: { state: kind, closedAt: now() } }),
        db.caseEvent.upsert({ where: { dedupeKey }, create: { caseId: input.caseId, taskId: input.taskId, kind, actorId: input.actorId, onBehalfOfId: input.onBehalfOfId ?? null, comment, dedupeKey, ...(input.form ? { form: input.form as Prisma.InputJsonObject } : {}) }, update: {} }),
      ]);
    },

    async recordChainEvent(input: { caseId: string; kind: EventKind; actorId?: string; comment?: string; dedupeKey: string; caseStatus?: 'RUNNING' | 'RETURNED' }) {
      const { caseStatus, ...event } = input;
      await addEvent(db, event);
      if (caseStatus) await db.case.update({ where: { id: input.caseId }, data: { status: caseStatus } });
    },

    async assignTask(input: { caseId: string; taskId: string; requestId: string; actorId: string; assigneeId: string | null; kind: 'CLAIM' | 'UNCLAIM' | 'REASSIGN' }) {
      const kind = ({ CLAIM: 'CLAIMED', UNCLAIM: 'UNCLAIMED', REASSIGN: 'REASSIGNED' } as const)[input.kind];
      await db.approvalTask.update({ where: { id: input.taskId }, data: { assigneeId: input.assigneeId } });
      await addEvent(db, { caseId: input.caseId, taskId: input.taskId, kind, actorId: input.actorId, comment: input.assigneeId ?? undefined, dedupeKey: `assign:${input.caseId}:${input.requestId}` });
    },

    async markStepOverdue(input: { caseId: string; taskIds: string[] }) {
      await db.approvalTask.updateMany({ where: { id: { in: input.taskIds } }, data: { overdue: true } });
      const [first] = input.taskIds;
      await addEvent(db, { caseId: input.caseId, taskId: first, kind: 'OVERDUE', dedupeKey: `overdue:${first}` });
      await addEvent(db, { caseId: input.caseId, taskId: first, kind: 'ESCALATED', comment: ESCALATION_UNIT, dedupeKey: `escalated:${first}` });
    },

    async cancelTasks(input: { taskIds: string[] }) {
      await db.approvalTask.updateMany({ where: { id: { in: input.taskIds }, state: 'PENDING' }, data: { state: 'CANCELLED', closedAt: now() } });
    },

    async closeCase(input: { caseId: string; status: 'APPROVED' | 'REJECTED' | 'WITHDRAWN' }) {
      const closedAt = now();
      await db.$transaction([
        db.case.update({ where: { id: input.caseId }, data: { status: input.status, closedAt } }),
        db.approvalTask.updateMany({ where: { caseId: input.caseId, state: 'PENDING' }, data: { state: 'CANCELLED', closedAt } }),
      ]);
      await addEvent(db, { caseId: input.caseId, kind: 'CLOSED', comment: input.status, dedupeKey: `closed:${input.caseId}` });
    },
  };
}
