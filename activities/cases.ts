/** Case rows of the long-running policy cases: opened once, milestones on the timeline, status kept in step. */
import { ApplicationFailure } from '@temporalio/common';
import type { Prisma } from '../generated/prisma/client.js';
import type { ChainKey } from '../policy/approval-chains.js';
import type { CaseTypeCode } from '../policy/case-types.js';
import { addEvent, type ActivityDeps } from './deps.js';
import { resolveChainSteps, RouteError, type RoutingContext } from './routing.js';

export interface OpenCaseInput {
  caseId: string;
  workflowId: string;
  type: CaseTypeCode;
  title: string;
  subject?: Prisma.InputJsonObject;
  groupId?: string | null;
  schoolId?: string | null;
  teacherId?: string | null;
  /** Absent when a schedule opened the case. */
  initiatorId?: string | null;
  /** The policy version the case runs on (PolicyVersion), for case types that read policy numbers. */
  policyVersion?: number;
}

export type CaseStatusCode = 'RUNNING' | 'RETURNED' | 'APPROVED' | 'REJECTED' | 'WITHDRAWN' | 'EXPIRED' | 'COMPLETED' | 'ENDED_EARLY';

export function caseActivities({ db, config }: ActivityDeps) {
  return {
    /** Creates the case row, or finds the one an earlier attempt (or the API) created for this workflow. */
    async openCase(input: OpenCaseInput): Promise<{ caseId: string }> {
      const existing = await db.case.findUnique({ where: { workflowId: input.workflowId }, select: { id: true, policyVersion: true } });
      if (existing) {
        // The API wrote the row first; the workflow knows which policy version the case runs on.
        if (input.policyVersion !== undefined && existing.policyVersion === null) await db.case.update({ where: { id: existing.id }, data: { policyVersion: input.policyVersion } });
        return { caseId: existing.id };
      }
      const row = await db.case.upsert({
        where: { workflowId: input.workflowId },
        create: {
          id: input.caseId,
          type: input.type,
          workflowId: input.workflowId,
          title: input.title,
          subject: input.subject ?? {},
          groupId: input.groupId ?? null,
          schoolId: input.schoolId ?? null,
          teacherId: input.teacherId ?? null,
          initiatorId: input.initiatorId ?? null,
          policyVersion: input.policyVersion ?? null,
          events: { create: { kind: 'CREATED', actorId: input.initiatorId ?? null, dedupeKey: `created:${input.caseId}` } },
        },
        update: {},
        select: { id: true },
      });
      return { caseId: row.id };
    },

    /** A line on the case's timeline (term started, year scored, payment booked), written once per key. */
    async recordMilestone(input: { caseId: string; key: string; comment: string; form?: Prisma.InputJsonObject }): Promise<void> {
      await db.caseEvent.upsert({
        where: { dedupeKey: `milestone:${input.caseId}:${input.key}` },
        create: { caseId: input.caseId, kind: 'MILESTONE', comment: input.comment, dedupeKey: `milestone:${input.caseId}:${input.key}`, ...(input.form ? { form: input.form } : {}) },
        update: {},
      });
    },

    async setCaseStatus(input: { caseId: string; status: CaseStatusCode; subject?: Prisma.InputJsonObject }): Promise<void> {
      const closed = !['RUNNING', 'RETURNED'].includes(input.status);
      await db.case.update({ where: { id: input.caseId }, data: { status: input.status, ...(closed ? { closedAt: new Date() } : {}), ...(input.subject ? { subject: input.subject } : {}) } });
      if (closed) await addEvent(db, { caseId: input.caseId, kind: 'CLOSED', comment: input.status, dedupeKey: `closed:${input.caseId}` });
    },

    /** Routes a chain for a case; a chain that cannot be routed fails the call at once (retrying cannot help). */
    async resolveChain(input: { chain: ChainKey; context: RoutingContext }) {
      try {
        return await resolveChainSteps(db, input.chain, input.context, config);
      } catch (err) {
        if (err instanceof RouteError) throw ApplicationFailure.create({ type: err.code, message: err.message, nonRetryable: true });
        throw err;
      }
    },
  };
}
