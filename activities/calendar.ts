/**
 * When the bureau enters or corrects a year of the working-day calendar, the open steps whose
 * deadlines count days of that year are recounted: their tasks show the new deadline and their
 * chain workflows move their reminder and overdue timers (stepDeadlineSignal).
 */
import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError } from '@temporalio/client';
import { stepDeadlineSignal } from '../workflows/approval-chain/messages.js';
import { addEvent, type ActivityDeps } from './deps.js';

const HOUR_MS = 3_600_000;

export function calendarActivities({ db, config, calendar }: ActivityDeps) {
  return {
    /** Idempotent: a retry recounts from the stored tasks and signals the same deadlines again. */
    async rescheduleDeadlines(input: { years: number[] }): Promise<{ steps: number; moved: number }> {
      const first = Math.min(...input.years);
      const last = Math.max(...input.years);
      // Local midnight of 1 January of the first changed year, and of the year after the last one.
      const from = new Date(Date.UTC(first, 0, 1) - config.utcOffsetMinutes * 60_000);
      const until = new Date(Date.UTC(last + 1, 0, 1) - config.utcOffsetMinutes * 60_000);
      const open = await db.approvalTask.findMany({
        where: { state: 'PENDING', overdue: false, chainWorkflowId: { not: null }, deadlineWorkingDays: { not: null }, dueAt: { gte: from }, openedAt: { lt: until } },
        select: { id: true, caseId: true, chainWorkflowId: true, stepIndex: true, round: true, openedAt: true, dueAt: true, dueProvisional: true, deadlineWorkingDays: true },
        orderBy: [{ chainWorkflowId: 'asc' }, { stepIndex: 'asc' }, { round: 'asc' }],
      });
      const steps = new Map<string, typeof open>();
      for (const task of open) {
        const key = `${task.chainWorkflowId}|${task.stepIndex}|${task.round}`;
        steps.set(key, [...(steps.get(key) ?? []), task]);
      }
      const { client } = Context.current();
      let moved = 0;
      for (const tasks of steps.values()) {
        Context.current().heartbeat();
        const [task] = tasks as [(typeof open)[number]];
        const deadline = await calendar.deadline(task.openedAt, task.deadlineWorkingDays as number);
        if (deadline.dueAt.getTime() === task.dueAt.getTime() && deadline.provisional === task.dueProvisional) continue;
        // The workflow first: if the database write then fails, the retry still sees a change and signals again.
        if (deadline.dueAt.getTime() !== task.dueAt.getTime()) {
          const remindAt = new Date(deadline.dueAt.getTime() - config.approval.reminderLeadHours * HOUR_MS);
          try {
            await client.workflow.getHandle(task.chainWorkflowId as string).signal(stepDeadlineSignal, { stepIndex: task.stepIndex, round: task.round, dueAt: deadline.dueAt.toISOString(), remindAt: remindAt.toISOString() });
          } catch (err) {
            // A chain that has just closed has no deadline left to move.
            if (!(err instanceof WorkflowNotFoundError)) throw err;
          }
          await addEvent(db, { caseId: task.caseId, taskId: task.id, kind: 'DEADLINE_CHANGED', comment: deadline.dueAt.toISOString(), dedupeKey: `deadline:${task.id}:${deadline.dueAt.toISOString()}` });
          moved += 1;
        }
        await db.approvalTask.updateMany({ where: { id: { in: tasks.map((t) => t.id) } }, data: { dueAt: deadline.dueAt, dueProvisional: deadline.provisional } });
      }
      return { steps: steps.size, moved };
    },
  };
}
