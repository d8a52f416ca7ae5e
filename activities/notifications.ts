/**
 * The outbox: messages are stored (once, by dedupe key) before anything is sent, so a mail relay
 * that fails loses nothing; delivery marks each one sent or keeps its last error for the retry.
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ESCALATION_UNIT, type UnitCode } from '../policy/approval-chains.js';
import type { Prisma } from '../generated/prisma/client.js';
import { mailQueuedSignal, outboxRelayWorkflowId } from '../workflows/notifications/messages.js';
import { outboxRelayWorkflow } from '../workflows/notifications/relay.js';
import type { ActivityDeps } from './deps.js';
import { renderMessage, type NotificationKind } from './notification-templates.js';

export interface NotificationRequest {
  kind: NotificationKind;
  caseId: string;
  /** For task messages: the tasks whose assignees are told. */
  taskIds?: string[];
  dedupeKey: string;
  /** TERM_ENDING: the officials of these schools are told too. */
  schoolIds?: string[];
  /** TERM_ENDING, PAYMENT_DUE: the date the message names (ISO instant). */
  dueAt?: string;
}

const casePlace = { school: { select: { districtId: true } }, group: { select: { districtId: true } } } as const;
type CaseWithPlace = Prisma.CaseGetPayload<{ include: typeof casePlace }>;

export function notificationActivities({ db, config, mailer, mailFrom = 'GroupFlow <noreply@localhost>', publicUrl = 'http://localhost:3000', now = () => new Date() }: ActivityDeps) {
  /** Who a task is for: its assignee, else the officials of its unit or school (leads only when it says so), and their delegates. */
  async function taskRecipients(taskIds: string[]) {
    const tasks = await db.approvalTask.findMany({ where: { id: { in: taskIds } } });
    const officialIds = new Set<string>();
    for (const task of tasks) {
      if (task.assigneeId) {
        officialIds.add(task.assigneeId);
        continue;
      }
      const officials = await db.official.findMany({
        where: { active: true, ...(task.unitId ? { unitId: task.unitId } : { schoolId: task.schoolId }), ...(task.leadOnly ? { isUnitLead: true } : {}) },
        select: { id: true },
      });
      for (const o of officials) officialIds.add(o.id);
    }
    const at = now();
    const delegations = await db.delegation.findMany({ where: { delegatorId: { in: [...officialIds] }, revokedAt: null, startsAt: { lte: at }, endsAt: { gt: at } } });
    for (const d of delegations) officialIds.add(d.delegateId);
    return { officialIds: [...officialIds], task: tasks[0] };
  }

  /**
   * The district whose units a case's FIN and escalation messages go to. District-wide cases (a
   * commendation round) have neither school nor group, so their tasks' units and schools tell.
   */
  async function caseDistrictId(found: CaseWithPlace): Promise<string | undefined> {
    const known = found.school?.districtId ?? found.group?.districtId;
    if (known) return known;
    const task = await db.approvalTask.findFirst({
      where: { caseId: found.id, OR: [{ unitId: { not: null } }, { schoolId: { not: null } }] },
      orderBy: { openedAt: 'desc' },
      select: { unit: { select: { districtId: true } }, school: { select: { districtId: true } } },
    });
    return task?.unit?.districtId ?? task?.school?.districtId;
  }

  /** Officials of one unit of the case's district; none when the district is unknown, never every district's. */
  async function districtUnitOfficials(found: CaseWithPlace, unitCode: UnitCode): Promise<string[]> {
    const districtId = await caseDistrictId(found);
    if (!districtId) return [];
    return (await db.official.findMany({ where: { active: true, unit: { code: unitCode, districtId } }, select: { id: true } })).map((o) => o.id);
  }

  async function caseRecipients(kind: NotificationKind, found: CaseWithPlace) {
    const initiator = found.initiatorId ? [found.initiatorId] : [];
    if (kind === 'RETURNED') return initiator;
    if (kind === 'PAYMENT_DUE') return districtUnitOfficials(found, 'FIN');
    if (kind === 'ESCALATION') return districtUnitOfficials(found, ESCALATION_UNIT);
    const copies = await db.caseCopy.findMany({ where: { caseId: found.id } });
    const copiedUnits = copies.flatMap((c) => (c.unitId ? [c.unitId] : []));
    const unitOfficials = copiedUnits.length ? await db.official.findMany({ where: { active: true, unitId: { in: copiedUnits } }, select: { id: true } }) : [];
    return [...new Set([...initiator, ...copies.flatMap((c) => (c.officialId ? [c.officialId] : [])), ...unitOfficials.map((o) => o.id)])];
  }

  async function queue(request: NotificationRequest): Promise<string[]> {
    const found = await db.case.findUniqueOrThrow({ where: { id: request.caseId }, include: casePlace });
    const forTasks = request.kind === 'NEW_TASK' || request.kind === 'REMINDER' || request.kind === 'OVERDUE';
    const { officialIds, task } = forTasks ? await taskRecipients(request.taskIds ?? []) : { officialIds: await caseRecipients(request.kind, found), task: request.taskIds?.length ? await db.approvalTask.findUnique({ where: { id: request.taskIds[0] } }) : undefined };
    if (request.schoolIds?.length) officialIds.push(...(await db.official.findMany({ where: { active: true, schoolId: { in: request.schoolIds } }, select: { id: true } })).map((o) => o.id));
    const taskForContext = task ?? (request.kind === 'ESCALATION' ? await db.approvalTask.findFirst({ where: { caseId: found.id, state: 'PENDING' }, orderBy: { openedAt: 'desc' } }) : undefined);
    const link = `${publicUrl}/cases/${found.id}${taskForContext && forTasks ? `?task=${taskForContext.id}` : ''}`;
    const message = renderMessage(request.kind, { caseTitle: found.title, caseType: found.type, caseStatus: found.status, stepKey: taskForContext?.stepKey, dueAt: request.dueAt ? new Date(request.dueAt) : taskForContext?.dueAt, link, utcOffsetMinutes: config.utcOffsetMinutes });
    const recipients = await db.official.findMany({ where: { id: { in: officialIds } }, select: { id: true, email: true } });
    const rows = recipients.map((recipient) => ({ dedupeKey: `${request.dedupeKey}:${recipient.id}`, kind: request.kind, caseId: found.id, recipientId: recipient.id, toAddress: recipient.email, subject: message.subject, bodyText: message.text, bodyHtml: message.html }));
    // One insert for all recipients; rows an earlier attempt stored are kept as they are.
    await db.notification.createMany({ data: rows, skipDuplicates: true });
    const pending = await db.notification.findMany({ where: { dedupeKey: { in: rows.map((r) => r.dedupeKey) }, state: 'PENDING' }, select: { id: true } });
    if (request.kind === 'REMINDER' && request.taskIds?.length) {
      await db.approvalTask.updateMany({ where: { id: { in: request.taskIds } }, data: { reminderSentAt: now() } });
      await db.caseEvent.upsert({ where: { dedupeKey: `reminder:${request.dedupeKey}` }, create: { caseId: found.id, taskId: request.taskIds[0], kind: 'REMINDER_SENT', dedupeKey: `reminder:${request.dedupeKey}` }, update: {} });
    }
    return pending.map((n) => n.id);
  }

  /** Sends the given messages still pending; answers the ids the relay refused (each keeps its error). */
  async function deliver(notificationIds: string[]): Promise<{ failed: { id: string; reason: string; to: string }[] }> {
    if (!mailer) {
      await db.notification.updateMany({ where: { id: { in: notificationIds }, state: 'PENDING' }, data: { state: 'NOT_SENT', lastError: 'SMTP_URL is not configured' } });
      return { failed: [] };
    }
    const pending = await db.notification.findMany({ where: { id: { in: notificationIds }, state: 'PENDING' } });
    const failed: { id: string; reason: string; to: string }[] = [];
    for (const message of pending) {
      try {
        await mailer.sendMail({ from: mailFrom, to: message.toAddress, subject: message.subject, text: message.bodyText, html: message.bodyHtml });
        await db.notification.update({ where: { id: message.id }, data: { state: 'SENT', sentAt: now(), attempts: { increment: 1 }, lastError: null } });
      } catch (err) {
        const reason = err instanceof Error ? err.message : String(err);
        await db.notification.update({ where: { id: message.id }, data: { attempts: { increment: 1 }, lastError: reason } });
        failed.push({ id: message.id, reason, to: message.toAddress });
      }
    }
    return { failed };
  }

  return {
    /**
     * Stores a notification's messages in the outbox (once, however often retried) and wakes this
     * task queue's outbox relay, started here if it is not running, to deliver them.
     */
    async queueNotifications(request: NotificationRequest): Promise<void> {
      const ids = await queue(request);
      if (ids.length === 0) return;
      const { client, info } = Context.current();
      const workflowId = outboxRelayWorkflowId(info.taskQueue);
      try {
        await client.workflow.signalWithStart(outboxRelayWorkflow, { workflowId, taskQueue: info.taskQueue, args: [{}], signal: mailQueuedSignal, signalArgs: [ids] });
      } catch (err) {
        // The Java test server lets two simultaneous first messages race to start the relay; the loser signals it.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        await client.workflow.getHandle(workflowId).signal(mailQueuedSignal, ids);
      }
    },

    /** The relay's delivery: sends the messages still pending and answers which ones the relay refused. */
    async deliverNotifications({ notificationIds }: { notificationIds: string[] }): Promise<{ failed: string[] }> {
      return { failed: (await deliver(notificationIds)).failed.map((f) => f.id) };
    },
  };
}
