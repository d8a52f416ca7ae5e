/** Cases: start, search, the lists of an official, detail with timeline, withdraw and resubmit. */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { startOrForget } from './start-or-forget.js';
import { resolveChainSteps } from '../../activities/routing.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Prisma } from '../../generated/prisma/client.js';
import type { Db } from '../../prisma/client.js';
import { chainWorkflowId, resubmitUpdate, withdrawUpdate } from '../../workflows/approval-chain/messages.js';
import { caseWorkflow } from '../../workflows/case/workflow.js';
import { caseWorkflowId, searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { actorFor, identitiesOf, selfIdentity, visibleCases } from '../access.js';
import { currentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';
import { caseSearchQuery, idParam, initiatorBody, pageQuery, resubmitBody, startCaseBody } from '../schemas.js';
import { toDomainError } from '../temporal-errors.js';
import { claimRequestId } from '../request-ids.js';
import { callWorkflow } from '../workflow-call.js';

export interface CaseRoutesDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
  decisionTimeoutMs: number;
}

const listInclude = {
  school: { select: { id: true, code: true, name: true } },
  group: { select: { id: true, code: true, name: true } },
  tasks: { where: { state: 'PENDING' as const }, select: { id: true, stepKey: true, dueAt: true, dueProvisional: true, overdue: true, unitId: true, schoolId: true } },
};

export function caseRoutes({ db, temporal, config, taskQueue = TASK_QUEUE, decisionTimeoutMs }: CaseRoutesDeps): Router {
  const router = Router();

  /** One page of cases, newest first, with the total for paging. */
  async function casePage(where: Prisma.CaseWhereInput, { limit, offset }: { limit: number; offset: number }) {
    const [total, items] = await Promise.all([
      db.case.count({ where }),
      db.case.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: offset, take: limit, include: listInclude }),
    ]);
    return { total, items };
  }

  router.post('/cases', async (req, res) => {
    const me = currentOfficial(res);
    const body = startCaseBody.parse(req.body);
    const schoolId = body.schoolId ?? me.schoolId;
    if (!schoolId) throw new DomainError('VALIDATION_FAILED', [{ path: 'schoolId', message: 'required for officials outside a school' }]);
    if (me.schoolId && me.schoolId !== schoolId) throw new DomainError('FORBIDDEN');
    const school = await db.school.findUnique({ where: { id: schoolId }, include: { group: true } });
    if (!school) throw new DomainError('NOT_FOUND');
    const steps = await resolveChainSteps(db, body.type, { districtId: school.districtId, schoolId: school.id, groupId: school.groupId }, config);
    const copiedUnits = body.copyTo?.unitCodes.length ? await db.unit.findMany({ where: { districtId: school.districtId, code: { in: body.copyTo.unitCodes } } }) : [];
    const copiedOfficials = body.copyTo?.officialIds.length ? await db.official.findMany({ where: { id: { in: body.copyTo.officialIds } }, select: { id: true } }) : [];
    if (copiedOfficials.length !== (body.copyTo?.officialIds.length ?? 0)) throw new DomainError('VALIDATION_FAILED', [{ path: 'copyTo.officialIds', message: 'unknown official' }]);

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
        copies: { create: [...copiedOfficials.map((o) => ({ officialId: o.id })), ...copiedUnits.map((u) => ({ unitId: u.id }))] },
      },
    });
    await startOrForget(db, caseId, () =>
      temporal.workflow.start(caseWorkflow, {
        taskQueue,
        workflowId,
        args: [{ caseId, chain: { caseId, initiatorId: me.id, steps } }],
        typedSearchAttributes: [
          { key: searchAttributes.caseType, value: body.type },
          { key: searchAttributes.caseStatus, value: 'RUNNING' },
          { key: searchAttributes.schoolCode, value: school.code },
          ...(school.group ? [{ key: searchAttributes.groupCode, value: school.group.code }] : []),
        ],
      }),
      { temporal, timeoutMs: decisionTimeoutMs, workflowId },
    ).catch((err: unknown) => {
      throw toDomainError(err);
    });
    res.status(201).json({ id: caseId, workflowId, status: 'RUNNING' });
  });

  router.get('/cases', async (req, res) => {
    const me = currentOfficial(res);
    const q = caseSearchQuery.parse(req.query);
    const where = {
      AND: [
        visibleCases(me, await identitiesOf(db, me)),
        {
          ...(q.type ? { type: q.type } : {}),
          ...(q.status ? { status: q.status } : {}),
          ...(q.schoolId ? { schoolId: q.schoolId } : {}),
          ...(q.groupId ? { groupId: q.groupId } : {}),
          ...(q.teacherId ? { teacherId: q.teacherId } : {}),
          ...(q.overdue !== undefined ? { tasks: q.overdue ? { some: { state: 'PENDING' as const, overdue: true } } : { none: { state: 'PENDING' as const, overdue: true } } } : {}),
          ...(q.from || q.to ? { createdAt: { ...(q.from ? { gte: new Date(`${q.from}T00:00:00+08:00`) } : {}), ...(q.to ? { lt: new Date(Date.parse(`${q.to}T00:00:00+08:00`) + 86_400_000) } : {}) } } : {}),
        },
      ],
    };
    res.json(await casePage(where, q));
  });

  router.get('/cases/started', async (req, res) => {
    const me = currentOfficial(res);
    res.json(await casePage({ initiatorId: me.id }, pageQuery.parse(req.query)));
  });

  router.get('/cases/copied', async (req, res) => {
    const me = currentOfficial(res);
    const where = { copies: { some: { OR: [{ officialId: me.id }, ...(me.unitId ? [{ unitId: me.unitId }] : [])] } } };
    res.json(await casePage(where, pageQuery.parse(req.query)));
  });

  router.get('/cases/:id', async (req, res) => {
    const me = currentOfficial(res);
    const { id } = idParam.parse(req.params);
    const found = await db.case.findFirst({
      where: { AND: [{ id }, visibleCases(me, await identitiesOf(db, me))] },
      include: {
        school: { select: { id: true, code: true, name: true } },
        group: { select: { id: true, code: true, name: true } },
        initiator: { select: { id: true, login: true, displayName: true } },
        tasks: { orderBy: [{ openedAt: 'asc' }, { id: 'asc' }], include: { unit: { select: { code: true, name: true } }, school: { select: { code: true, name: true } }, assignee: { select: { id: true, displayName: true } } } },
        events: { orderBy: [{ at: 'asc' }, { id: 'asc' }], include: { actor: { select: { login: true, displayName: true } }, onBehalfOf: { select: { login: true, displayName: true } } } },
        copies: { include: { official: { select: { id: true, displayName: true } }, unit: { select: { code: true, name: true } } } },
      },
    });
    if (!found) throw new DomainError('NOT_FOUND');
    const { events, tasks, ...rest } = found;
    const pending = tasks.filter((t) => t.state === 'PENDING');
    // Who must act: the assignee, or every active official of the unit or school (leads only where the step says so).
    const mustAct = await Promise.all(
      pending.map(async (t) => ({
        taskId: t.id,
        stepKey: t.stepKey,
        dueAt: t.dueAt,
        dueProvisional: t.dueProvisional,
        overdue: t.overdue,
        officials: t.assignee
          ? [t.assignee]
          : await db.official.findMany({ where: { active: true, ...(t.unitId ? { unitId: t.unitId } : { schoolId: t.schoolId }), ...(t.leadOnly ? { isUnitLead: true } : {}) }, select: { id: true, displayName: true } }),
      })),
    );
    res.json({ ...rest, overdue: pending.some((t) => t.overdue), currentTasks: mustAct, tasks, timeline: events });
  });

  async function initiatorCall(caseIdParam: unknown, me: ReturnType<typeof currentOfficial>, send: (chainId: string, actor: ReturnType<typeof actorFor>) => Promise<unknown>) {
    const { id } = idParam.parse(caseIdParam);
    const found = await db.case.findFirst({ where: { AND: [{ id }, visibleCases(me, await identitiesOf(db, me))] } });
    if (!found) throw new DomainError('NOT_FOUND');
    if (found.initiatorId !== me.id) throw new DomainError('NOT_INITIATOR');
    if (found.status !== 'RUNNING' && found.status !== 'RETURNED') throw new DomainError('CASE_CLOSED');
    const chain = await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () => send(chainWorkflowId(found.workflowId), actorFor(me, selfIdentity(me))));
    return { caseId: found.id, chain };
  }

  router.post('/cases/:id/withdraw', async (req, res) => {
    const me = currentOfficial(res);
    const body = initiatorBody.parse(req.body);
    await claimRequestId(db, { requestId: body.requestId, kind: 'WITHDRAW', subjectId: idParam.parse(req.params).id, officialId: me.id, asked: { comment: body.comment } });
    res.json(await initiatorCall(req.params, me, (chainId, actor) => temporal.workflow.getHandle(chainId).executeUpdate(withdrawUpdate, { updateId: body.requestId, args: [{ ...body, actor }] })));
  });

  router.post('/cases/:id/resubmit', async (req, res) => {
    const me = currentOfficial(res);
    const body = resubmitBody.parse(req.body);
    await claimRequestId(db, { requestId: body.requestId, kind: 'RESUBMIT', subjectId: idParam.parse(req.params).id, officialId: me.id, asked: { comment: body.comment } });
    res.json(await initiatorCall(req.params, me, (chainId, actor) => temporal.workflow.getHandle(chainId).executeUpdate(resubmitUpdate, { updateId: body.requestId, args: [{ ...body, actor }] })));
  });

  return router;
}
