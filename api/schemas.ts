/** Every request body and query of the API: validated here, typed by z.infer, and published in /openapi.json. */
import { z } from 'zod';
import { CHAIN_CASE_TYPES } from '../policy/approval-chains.js';
import { CASE_TYPES } from '../policy/case-types.js';
import { safeJson, safeText } from '../policy/text.js';

const uuid = z.uuid();
const page = {
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
};
const flag = z.enum(['true', 'false']).transform((v) => v === 'true');

export const loginBody = z.object({ login: safeText(100), password: safeText(200, { trim: false }) });

export const startCaseBody = z.object({
  type: z.enum(CHAIN_CASE_TYPES),
  title: safeText(200),
  schoolId: uuid.optional(),
  description: safeText(4000, { blank: true }).optional(),
  /** 抄送: officials and units kept informed. */
  copyTo: z.object({ officialIds: z.array(uuid).max(50).default([]), unitCodes: z.array(z.enum(['EDU', 'ORG', 'HR', 'FIN', 'STAFF', 'DRC', 'TASKFORCE'])).max(7).default([]) }).optional(),
});

export const decisionBody = z
  .object({
    requestId: uuid,
    action: z.enum(['APPROVE', 'REJECT', 'RETURN']),
    returnTo: z.enum(['PREVIOUS', 'INITIATOR']).optional(),
    comment: safeText(2000, { blank: true }).optional(),
    /** The step's form (a score, a list...) when it has one: see the task's `formKind`. */
    form: z.record(safeText(100), safeJson()).optional(),
  })
  .refine((d) => d.action === 'APPROVE' || Boolean(d.comment), { message: 'a comment is required to reject or return', path: ['comment'] });

/** `wait=true`: answer once the chain has moved on (200, with its new state); else once the decision is durably accepted (202). */
export const decisionQuery = z.object({ wait: flag.default(false) });

export const initiatorBody = z.object({ requestId: uuid, comment: safeText(2000, { blank: true }).optional() });
export const resubmitBody = z.object({ requestId: uuid, comment: safeText(2000) });
export const claimBody = z.object({ requestId: uuid });
export const reassignBody = z.object({ requestId: uuid, officialId: uuid });

export const delegationBody = z
  .object({ delegateId: uuid, startsAt: z.iso.datetime({ offset: true }), endsAt: z.iso.datetime({ offset: true }) })
  .refine((d) => Date.parse(d.endsAt) > Date.parse(d.startsAt), { message: 'endsAt must be after startsAt', path: ['endsAt'] });

export const inboxQuery = z.object({
  caseType: z.enum(CASE_TYPES).optional(),
  groupId: uuid.optional(),
  schoolId: uuid.optional(),
  overdue: flag.optional(),
  sort: z.enum(['dueAt', '-dueAt']).default('dueAt'),
  ...page,
});

export const caseSearchQuery = z.object({
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(['RUNNING', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'COMPLETED', 'ENDED_EARLY']).optional(),
  schoolId: uuid.optional(),
  groupId: uuid.optional(),
  teacherId: uuid.optional(),
  overdue: flag.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  ...page,
});

/** An administrator's teacher lookup: part of a name or staff number, or every teacher of the district. */
export const teacherSearchQuery = z.object({ q: safeText(50, { blank: true }).optional(), ...page });

export const pageQuery = z.object(page);
export const idParam = z.object({ id: uuid });
