import type { Transporter } from 'nodemailer';
import type { PolicyConfig } from '../policy/config.js';
import type { CalendarStore } from '../prisma/calendar.js';
import type { Db } from '../prisma/client.js';

export interface ActivityDeps {
  db: Db;
  config: PolicyConfig;
  /** The working-day calendar, read from the database (prisma/calendar.ts). */
  calendar: CalendarStore;
  /** Without a mail relay (SMTP_URL unset) messages stay in the outbox as NOT_SENT. */
  mailer?: Transporter;
  mailFrom?: string;
  /** Base URL of links in messages. */
  publicUrl?: string;
  now?: () => Date;
}

export type EventKind =
  | 'STEP_OPENED' | 'APPROVED' | 'REJECTED' | 'RETURNED' | 'RESUBMITTED' | 'WITHDRAWN'
  | 'CLAIMED' | 'UNCLAIMED' | 'REASSIGNED' | 'OVERDUE' | 'ESCALATED' | 'REMINDER_SENT' | 'CLOSED' | 'DEADLINE_CHANGED';

export interface EventInput {
  caseId: string;
  taskId?: string;
  kind: EventKind;
  actorId?: string;
  onBehalfOfId?: string;
  comment?: string;
  dedupeKey: string;
}

/** Writes an audit event once, however often a retried activity asks. */
export async function addEvent(db: Db, event: EventInput): Promise<void> {
  await db.caseEvent.upsert({ where: { dedupeKey: event.dedupeKey }, create: event, update: {} });
}
