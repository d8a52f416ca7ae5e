/** Cases: start one, read one (with its steps and timeline), the inbox, and decisions on tasks. */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import { CHAIN_CASE_TYPES } from '../../policy/approval-chains.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import { decideUpdate } from '../../workflows/approval-case/messages.js';
import { approvalCaseWorkflow } from '../../workflows/approval-case/workflow.js';
import { caseWorkflowId, searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { currentOfficial, type CurrentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';
import { toDomainError } from '../temporal-errors.js';
import { resolveChain } from './resolve-chain.js';

export interface CaseRoutesDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
  decisionTimeoutMs: number;
}

const startCaseBody = z.object({
  type: z.enum(CHAIN_CASE_TYPES),
  title: z.string().trim().min(1).max(200),
  schoolId: z.uuid().optional(),
  description: z.string().trim().max(4000).optional(),
});

const decisionBody = z
  .object({
    requestId: z.uuid(),
    action: z.enum(['APPROVE', 'REJECT']),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((d) => d.action !== 'REJECT' || Boolean(d.comment), { message: 'comment is required to reject', path: ['comment'] });

const inboxQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

const idParam = z.object({ id: z.uuid() });

/** Admins see every case; others see cases they started or that have a step routed to them. */
function visibleCaseFilter(me: CurrentOfficial) {
  if (me.roles.includes('ADMIN')) return {};
  return { OR: [{ initiatorId: me.id }, { tasks: { some: routedTo(me) } }] };
}

function routedTo(me: CurrentOfficial) {
  return { OR: [...(me.unitId ? [{ unitId: me.unitId }] : []), ...(me.schoolId ? [{ schoolId: me.schoolId }] : []), { assigneeId: me.id }] };
}

export function caseRoutes({ db, temporal, config, taskQueue = TASK_QUEUE, decisionTimeoutMs }: CaseRoutesDeps): Router {
  const router = Router();

  router.post('/cases', async (req, res) => {
    const me = currentOfficial(res);
    const body = startCaseBody.parse(req.body);
    const schoolId = body.schoolId ?? me.schoolId;
    if (!schoolId) throw new DomainError('VALIDATION_FAILED', [{ path: 'schoolId', message: 'required for officials outside a school' }]);
    if (me.schoolId && me.schoolId !== schoolId && !me.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN');
    const school = await db.school.findUnique({ where: { id: schoolId }, include: { group: true } });
    if (!school) throw new DomainError('NOT_FOUND');
    const steps = await resolveChain(db, body.type, school, config);

    const caseId = randomUUID();
    const workflowId = caseWorkflowId(caseId);
    await db.case.create({
      data: {
        id: caseId,
        type: body.type,
        workflowId,
        title: body.title,
        subject: { description: body.description ?? null },
        schoolId: school.id,
        groupId: school.groupId,
        initiatorId: me.id,
        events: { create: { kind: 'CREATED', actorId: me.id, dedupeKey: `created:${caseId}` } },
      },
    });
    try {
      await temporal.workflow.start(approvalCaseWorkflow, {
        taskQueue,
        workflowId,
        args: [{ caseId, steps }],
        typedSearchAttributes: [
          { key: searchAttributes.caseType, value: body.type },
          { key: searchAttributes.caseStatus, value: 'RUNNING' },
          { key: searchAttributes.schoolCode, value: school.code },
          ...(school.group ? [{ key: searchAttributes.groupCode, value: school.group.code }] : []),
        ],
      });
    } catch (err) {
      // Not started means not created: remove the row so no orphan case is listed.
      await db.$transaction([db.caseEvent.deleteMany({ where: { caseId } }), db.case.delete({ where: { id: caseId } })]);
      throw toDomainError(err);
    }
    res.status(201).json({ id: caseId, workflowId, status: 'RUNNING' });
  });

  router.get('/cases/:id', async (req, res) => {
    const me = currentOfficial(res);
    const { id } = idParam.parse(req.params);
    const found = await db.case.findFirst({
      where: { id, ...visibleCaseFilter(me) },
      include: {
        school: { select: { id: true, code: true, name: true } },
        group: { select: { id: true, code: true, name: true } },
        tasks: { orderBy: [{ stepIndex: 'asc' }, { round: 'asc' }], include: { unit: { select: { code: true, name: true } }, school: { select: { code: true, name: true } } } },
        events: { orderBy: { at: 'asc' }, include: { actor: { select: { login: true, displayName: true } } } },
      },
    });
    if (!found) throw new DomainError('NOT_FOUND');
    const { events, ...rest } = found;
    res.json({ ...rest, timeline: events });
  });

  router.get('/inbox', async (req, res) => {
    const me = currentOfficial(res);
    const { limit, offset } = inboxQuery.parse(req.query);
    const where = { state: 'PENDING' as const, ...routedTo(me) };
    const [total, items] = await Promise.all([
      db.approvalTask.count({ where }),
      db.approvalTask.findMany({
        where,
        orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
        skip: offset,
        take: limit,
        include: { case: { select: { id: true, title: true, type: true, status: true, workflowId: true } } },
      }),
    ]);
    res.json({ total, items });
  });

  router.post('/tasks/:id/decision', async (req, res) => {
    const me = currentOfficial(res);
    const { id } = idParam.parse(req.params);
    const body = decisionBody.parse(req.body);
    const task = await db.approvalTask.findFirst({ where: { id, ...routedTo(me) }, include: { case: true } });
    if (!task) {
      const exists = await db.approvalTask.count({ where: { id } });
      throw new DomainError(exists ? 'NOT_ASSIGNED' : 'NOT_FOUND');
    }
    const alreadyApplied = await db.caseEvent.count({ where: { dedupeKey: `decision:${task.caseId}:${body.requestId}` } });
    if (task.case.status !== 'RUNNING' && !alreadyApplied) throw new DomainError('CASE_CLOSED');

    const handle = temporal.workflow.getHandle(task.case.workflowId);
    try {
      const snapshot = alreadyApplied && task.case.status !== 'RUNNING'
        ? undefined
        : await temporal.withDeadline(Date.now() + decisionTimeoutMs, () =>
            handle.executeUpdate(decideUpdate, {
              updateId: body.requestId,
              args: [{ requestId: body.requestId, taskId: task.id, action: body.action, comment: body.comment, actor: { officialId: me.id, unitCode: me.unitCode, schoolId: me.schoolId } }],
            }),
          );
      const current = await db.case.findUniqueOrThrow({ where: { id: task.caseId }, select: { id: true, status: true, workflowId: true } });
      res.json({ case: current, workflow: snapshot ?? null });
    } catch (err) {
      throw toDomainError(err);
    }
  });

  return router;
}
