/**
 * The outbox: messages are stored (once, by dedupe key) before anything is sent, so a mail relay
 * that fails loses nothing. Deliveries claim due messages from the table itself (any number at once,
 * on any worker), record each attempt before sending, and mark each one sent or keep its last error
 * and the time of its next attempt.
 */
import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { ESCALATION_UNIT, type UnitCode } from '../policy/approval-chains.js';
import type { Transporter } from 'nodemailer';
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

/** A refused message's first wait; it doubles with each refusal up to the longest. */
export const OUTBOX_FIRST_BACKOFF_MS = 5_000;
export const OUTBOX_MAX_BACKOFF_MS = 10 * 60_000;
/**
 * How long a claim holds a message without being renewed: it bounds how late the mail of a delivery
 * that died (a killed worker) goes out. Renewed, with a heartbeat, every OUTBOX_RENEW_MS, which
 * must stay well below the delivery's heartbeat timeout (workflows/activity-options.ts).
 */
export const OUTBOX_LEASE_MS = 15_000;
export const OUTBOX_RENEW_MS = 3_000;

/** The Message-ID of a notification's mail, the same at every attempt. */
export function notificationMessageId(notificationId: string): string {
  return `<${notificationId}@groupflow>`;
}

/** What one delivery of the outbox relay did, and what it saw waiting. */
export interface OutboxDelivery {
  claimed: number;
  sent: number;
  refused: number;
  /** Messages of this relay are due now that this delivery did not take: deliver again at once. */
  moreDue: boolean;
  /** In how many ms the earliest message still waiting (its back-off, or another delivery's lease) falls due. */
  nextDueInMs?: number;
}

interface ClaimedMessage {
  id: string;
  toAddress: string;
  subject: string;
  bodyText: string;
  bodyHtml: string;
  attempts: number;
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

  /** Stores the messages for the given relay; answers whether any of them still waits for delivery. */
  async function queue(request: NotificationRequest, relayQueue: string): Promise<boolean> {
    const found = await db.case.findUniqueOrThrow({ where: { id: request.caseId }, include: casePlace });
    const forTasks = request.kind === 'NEW_TASK' || request.kind === 'REMINDER' || request.kind === 'OVERDUE';
    const { officialIds, task } = forTasks ? await taskRecipients(request.taskIds ?? []) : { officialIds: await caseRecipients(request.kind, found), task: request.taskIds?.length ? await db.approvalTask.findUnique({ where: { id: request.taskIds[0] } }) : undefined };
    if (request.schoolIds?.length) officialIds.push(...(await db.official.findMany({ where: { active: true, schoolId: { in: request.schoolIds } }, select: { id: true } })).map((o) => o.id));
    const taskForContext = task ?? (request.kind === 'ESCALATION' ? await db.approvalTask.findFirst({ where: { caseId: found.id, state: 'PENDING' }, orderBy: { openedAt: 'desc' } }) : undefined);
    const link = `${publicUrl}/cases/${found.id}${taskForContext && forTasks ? `?task=${taskForContext.id}` : ''}`;
    const message = renderMessage(request.kind, { caseTitle: found.title, caseType: found.type, caseStatus: found.status, stepKey: taskForContext?.stepKey, dueAt: request.dueAt ? new Date(request.dueAt) : taskForContext?.dueAt, link, utcOffsetMinutes: config.utcOffsetMinutes });
    const recipients = await db.official.findMany({ where: { id: { in: officialIds } }, select: { id: true, email: true } });
    const rows = recipients.map((recipient) => ({ dedupeKey: `${request.dedupeKey}:${recipient.id}`, kind: request.kind, caseId: found.id, recipientId: recipient.id, toAddress: recipient.email, subject: message.subject, bodyText: message.text, bodyHtml: message.html, relayQueue }));
    // One insert for all recipients; rows an earlier attempt stored are kept as they are.
    await db.notification.createMany({ data: rows, skipDuplicates: true });
    const pending = await db.notification.count({ where: { dedupeKey: { in: rows.map((r) => r.dedupeKey) }, state: 'PENDING' } });
    if (request.kind === 'REMINDER' && request.taskIds?.length) {
      await db.approvalTask.updateMany({ where: { id: { in: request.taskIds } }, data: { reminderSentAt: now() } });
      await db.caseEvent.upsert({ where: { dedupeKey: `reminder:${request.dedupeKey}` }, create: { caseId: found.id, taskId: request.taskIds[0], kind: 'REMINDER_SENT', dedupeKey: `reminder:${request.dedupeKey}` }, update: {} });
    }
    return pending > 0;
  }

  /** A message refused by the mail relay waits 5 s before its next attempt, doubling up to 10 minutes. */
  function backoffMs(attempts: number): number {
    return Math.min(OUTBOX_FIRST_BACKOFF_MS * 2 ** Math.max(0, attempts - 1), OUTBOX_MAX_BACKOFF_MS);
  }

  /**
   * Claims up to `limit` messages of this relay that are due and held by no other delivery, and
   * records the attempt before anything is sent. One statement, so one transaction: SKIP LOCKED
   * passes over rows another delivery is claiming at this moment, and the lease keeps them from
   * every other delivery until this one has sent them or died.
   */
  function claim(relayQueue: string, limit: number) {
    return db.$queryRaw<ClaimedMessage[]>`
      UPDATE "Notification" AS n
      SET "leaseUntil" = now() + ${OUTBOX_LEASE_MS}::double precision * interval '1 millisecond', "attempts" = n."attempts" + 1, "attemptedAt" = now()
      FROM (
        SELECT id FROM "Notification"
        WHERE "relayQueue" = ${relayQueue} AND "state" = 'PENDING' AND "nextAttemptAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" <= now())
        ORDER BY "nextAttemptAt", id
        LIMIT ${limit}
        FOR UPDATE SKIP LOCKED
      ) AS due
      WHERE n.id = due.id
      RETURNING n.id, n."toAddress", n.subject, n."bodyText", n."bodyHtml", n.attempts`;
  }

  /** Keeps the claimed messages this delivery's while it sends; a delivery that stops renewing (a killed worker) frees them within a lease. */
  function renewLeases(ids: string[]) {
    return db.$executeRaw`
      UPDATE "Notification" SET "leaseUntil" = now() + ${OUTBOX_LEASE_MS}::double precision * interval '1 millisecond'
      WHERE id = ANY(${ids}::text[]) AND "state" = 'PENDING'`;
  }

  /** Whether more of this relay's messages are due now, and in how many ms the earliest waiting one (back-off or lease) falls due. */
  async function outlook(relayQueue: string): Promise<{ moreDue: boolean; nextDueInMs?: number }> {
    const [row] = await db.$queryRaw<{ dueNow: number; nextDueInMs: number | null }[]>`
      SELECT count(*) FILTER (WHERE "nextAttemptAt" <= now() AND ("leaseUntil" IS NULL OR "leaseUntil" <= now()))::int AS "dueNow",
             (extract(epoch FROM min(greatest("nextAttemptAt", coalesce("leaseUntil", "nextAttemptAt"))) - now()) * 1000)::double precision AS "nextDueInMs"
      FROM "Notification" WHERE "relayQueue" = ${relayQueue} AND "state" = 'PENDING'`;
    if (!row || row.nextDueInMs === null) return { moreDue: false };
    return { moreDue: row.dueNow > 0, nextDueInMs: Math.max(0, Math.ceil(row.nextDueInMs)) };
  }

  /**
   * Sends one claimed message. Its Message-ID comes from its id, so an attempt repeated after an
   * unknown outcome (sent, but the SENT mark was lost) carries the same Message-ID and the
   * recipient's mail system can tell it is the same message. A refusal is the message's own
   * business (its error and back-off); a database error fails the delivery, which Temporal retries.
   */
  async function sendOne(mailer: Transporter, message: ClaimedMessage): Promise<boolean> {
    try {
      await mailer.sendMail({ from: mailFrom, to: message.toAddress, subject: message.subject, text: message.bodyText, html: message.bodyHtml, messageId: notificationMessageId(message.id) });
    } catch (err) {
      // PostgreSQL refuses U+0000 in text, and a relay's answer is not ours to trust.
      const reason = (err instanceof Error ? err.message : String(err)).replaceAll('\u0000', '');
      await db.$executeRaw`
        UPDATE "Notification" SET "lastError" = ${reason}, "leaseUntil" = NULL,
          "nextAttemptAt" = now() + ${backoffMs(message.attempts)}::double precision * interval '1 millisecond'
        WHERE id = ${message.id} AND "state" = 'PENDING'`;
      return false;
    }
    await db.notification.updateMany({ where: { id: message.id }, data: { state: 'SENT', sentAt: now(), lastError: null, leaseUntil: null } });
    return true;
  }

  return {
    /**
     * Stores a notification's messages in the outbox (once, however often retried) for this task
     * queue's outbox relay, and wakes the relay, started here if it is not running.
     */
    async queueNotifications(request: NotificationRequest): Promise<void> {
      const { client, info } = Context.current();
      if (!(await queue(request, info.taskQueue))) return;
      const workflowId = outboxRelayWorkflowId(info.taskQueue);
      try {
        await client.workflow.signalWithStart(outboxRelayWorkflow, { workflowId, taskQueue: info.taskQueue, signal: mailQueuedSignal });
      } catch (err) {
        // The Java test server lets two simultaneous first messages race to start the relay; the loser signals it.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        await client.workflow.getHandle(workflowId).signal(mailQueuedSignal);
      }
    },

    /**
     * One delivery of the outbox relay: claims up to `limit` due messages of its task queue and sends
     * them all at once, so none waits behind another's slow mail relay connection. It heartbeats and
     * renews its leases while it sends; a delivery on a worker that dies is retried elsewhere after
     * the heartbeat timeout and its messages are free again when their lease runs out.
     */
    async deliverDueNotifications({ limit }: { limit: number }): Promise<OutboxDelivery> {
      // The relay runs its deliveries on its own task queue, the one its messages were queued for.
      const relayQueue = Context.current().info.taskQueue;
      if (!mailer) {
        const { count } = await db.notification.updateMany({ where: { relayQueue, state: 'PENDING' }, data: { state: 'NOT_SENT', lastError: 'SMTP_URL is not configured' } });
        return { claimed: count, sent: 0, refused: 0, moreDue: false };
      }
      const claimed = await claim(relayQueue, limit);
      const ids = claimed.map((m) => m.id);
      const context = Context.current();
      const renewal = setInterval(() => {
        context.heartbeat();
        // A failed renewal (the database gone for a moment) is retried at the next tick; the lease outlasts a few.
        renewLeases(ids).catch(() => undefined);
      }, OUTBOX_RENEW_MS);
      const sent = await Promise.allSettled(claimed.map((message) => sendOne(mailer, message))).finally(() => clearInterval(renewal));
      const lost = sent.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (lost) throw lost.reason;
      const delivered = sent.filter((r) => r.status === 'fulfilled' && r.value).length;
      return { claimed: claimed.length, sent: delivered, refused: claimed.length - delivered, ...(await outlook(relayQueue)) };
    },
  };
}
