/**
 * Teacher exchange (R-EXCH-*): start a group's yearly rotation plan, nominate one exchange term,
 * declare a refusal, ask for an early end, and read a term's or a plan's state.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Client } from '@temporalio/client';
import type { PolicyConfig } from '../../policy/config.js';
import { isDueForExchange, isoDay } from '../../policy/exchange.js';
import type { Db } from '../../prisma/client.js';
import { searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { exchangeRefusalWorkflowId } from '../../workflows/exchange-refusal/messages.js';
import { exchangeRefusalWorkflow } from '../../workflows/exchange-refusal/workflow.js';
import { exchangeTermSubject, exchangeTermTitle, exchangeTermWorkflowId, requestEarlyEndUpdate, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { exchangeTermWorkflow } from '../../workflows/exchange-term/workflow.js';
import { planStateQuery, rotationPlanWorkflowId } from '../../workflows/rotation-plan/messages.js';
import { rotationPlanWorkflow } from '../../workflows/rotation-plan/workflow.js';
import { actorFor, identitiesOf, selfIdentity, visibleCases } from '../access.js';
import { currentOfficial, type CurrentOfficial } from '../auth/sessions.js';
import { DomainError, type ErrorCode } from '../errors.js';
import { isBureauOfficial, mayPlanRotations } from '../authorization.js';
import { idParam } from '../schemas.js';
import { toDomainError } from '../temporal-errors.js';
import { callWorkflow } from '../workflow-call.js';
import { declareRefusalBody, earlyEndBody, nominateTermBody, rotationPlanParams, startRotationPlanBody } from './schemas.js';

export interface ExchangeRoutesDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
  decisionTimeoutMs: number;
}

export function exchangeRoutes({ db, temporal, config, taskQueue = TASK_QUEUE, decisionTimeoutMs }: ExchangeRoutesDeps): Router {
  const router = Router();

  /** Starts a workflow once per id; a second start answers `conflict` instead of a second case. */
  async function startOnce(conflict: ErrorCode, start: () => Promise<unknown>): Promise<void> {
    try {
      // Bounded like every call to Temporal, so an outage answers 503 in time instead of hanging.
      await temporal.withDeadline(Date.now() + decisionTimeoutMs, start);
    } catch (err) {
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError(conflict);
      throw toDomainError(err);
    }
  }

  /** A teacher of the official's own school: member school officials act for their teachers. */
  async function ownTeacher(me: CurrentOfficial, teacherId: string) {
    const teacher = await db.teacher.findUnique({ where: { id: teacherId }, include: { homeSchool: true } });
    if (!teacher) throw new DomainError('NOT_FOUND');
    if (me.schoolId !== teacher.homeSchoolId) throw new DomainError('FORBIDDEN');
    if (!teacher.homeSchool.groupId) throw new DomainError('SCHOOL_NOT_IN_GROUP');
    return teacher;
  }

  /** A term the official may see: through its tasks, or as an official of EDU or of either school. */
  async function visibleTerm(me: CurrentOfficial, caseId: string) {
    const found = await db.case.findFirst({ where: { id: caseId, type: 'TEACHER_EXCHANGE' } });
    const subject = (found?.subject ?? {}) as { toSchoolId?: string; kind?: string };
    // A new member school's list of teachers (R-EXCH-NEWMEMBER) is an exchange case but not a term.
    if (!found || subject.kind === 'NEW_MEMBER') throw new DomainError('NOT_FOUND');
    const bySchool = me.schoolId !== null && (me.schoolId === found.schoolId || me.schoolId === subject.toSchoolId);
    const visible = isBureauOfficial(me) || bySchool || (await db.case.count({ where: { AND: [{ id: caseId }, visibleCases(me, await identitiesOf(db, me))] } })) > 0;
    if (!visible) throw new DomainError('NOT_FOUND');
    return found;
  }

  router.post('/exchange/rotation-plans', async (req, res) => {
    const me = currentOfficial(res);
    const body = startRotationPlanBody.parse(req.body);
    const group = await db.educationGroup.findUnique({ where: { id: body.groupId }, include: { schools: { where: { role: 'CORE' } } } });
    if (!group) throw new DomainError('NOT_FOUND');
    const unit = me.unitId ? await db.unit.findUnique({ where: { id: me.unitId } }) : null;
    const bureau = unit?.districtId === group.districtId && mayPlanRotations(me);
    const coreSchool = me.schoolId !== null && group.schools.some((s) => s.id === me.schoolId);
    if (!bureau && !coreSchool) throw new DomainError('FORBIDDEN');
    const workflowId = rotationPlanWorkflowId(group.id, body.schoolYear);
    // A plan re-run after it closed keeps its one case row.
    const caseId = (await db.case.findUnique({ where: { workflowId } }))?.id ?? randomUUID();
    await startOnce('EXCHANGE_PLAN_RUNNING', () =>
      temporal.workflow.start(rotationPlanWorkflow, {
        taskQueue,
        workflowId,
        args: [{ groupId: group.id, schoolYear: body.schoolYear, districtId: group.districtId, caseId, initiatorId: me.id }],
        typedSearchAttributes: [{ key: searchAttributes.caseType, value: 'ROTATION_PLAN' }, { key: searchAttributes.caseStatus, value: 'RUNNING' }, { key: searchAttributes.groupCode, value: group.code }],
      }),
    );
    res.status(201).json({ caseId, workflowId });
  });

  router.get('/exchange/rotation-plans/:groupId/:schoolYear', async (req, res) => {
    const me = currentOfficial(res);
    const { groupId, schoolYear } = rotationPlanParams.parse(req.params);
    const found = await db.case.findUnique({ where: { workflowId: rotationPlanWorkflowId(groupId, schoolYear) } });
    const coreSchool = me.schoolId !== null && (await db.school.count({ where: { id: me.schoolId, groupId, role: 'CORE' } })) > 0;
    if (!found || !(mayPlanRotations(me) || coreSchool)) throw new DomainError('NOT_FOUND');
    res.json(await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () => temporal.workflow.getHandle(found.workflowId).query(planStateQuery)));
  });

  router.post('/exchange/terms', async (req, res) => {
    const me = currentOfficial(res);
    const body = nominateTermBody.parse(req.body);
    const teacher = await ownTeacher(me, body.teacherId);
    const to = await db.school.findUnique({ where: { id: body.toSchoolId } });
    if (!to) throw new DomainError('NOT_FOUND');
    if (to.groupId !== teacher.homeSchool.groupId) throw new DomainError('EXCHANGE_OUTSIDE_GROUP');
    if (to.id === teacher.homeSchoolId) throw new DomainError('EXCHANGE_SAME_SCHOOL');
    const workflowId = exchangeTermWorkflowId(teacher.id, body.startSchoolYear);
    const exists = await db.teacherExchange.findUnique({ where: { teacherId_startSchoolYear: { teacherId: teacher.id, startSchoolYear: body.startSchoolYear } } });
    if (exists || (await db.case.findUnique({ where: { workflowId } }))) throw new DomainError('EXCHANGE_TERM_EXISTS');
    const caseId = randomUUID();
    const input = { teacherId: teacher.id, toSchoolId: to.id, startSchoolYear: body.startSchoolYear, caseId, initiatorId: me.id };
    const data = {
      id: caseId,
      type: 'TEACHER_EXCHANGE' as const,
      workflowId,
      title: exchangeTermTitle({ teacherName: teacher.name, staffNo: teacher.staffNo, toName: to.name, toCode: to.code, startSchoolYear: body.startSchoolYear }),
      subject: exchangeTermSubject({ ...input, fromSchoolId: teacher.homeSchoolId, termSchoolYears: config.exchange.termSchoolYears }),
      schoolId: teacher.homeSchoolId,
      groupId: teacher.homeSchool.groupId,
      teacherId: teacher.id,
      initiatorId: me.id,
      events: { create: { kind: 'CREATED' as const, actorId: me.id, dedupeKey: `created:${caseId}` } },
    };
    // The row first, so the term is readable and listed at once; the workflow finds it by its id.
    await db.case.create({ data }).catch((err: unknown) => {
      // A concurrent nomination of the same teacher and year created its row first.
      throw (err as { code?: string }).code === 'P2002' ? new DomainError('EXCHANGE_TERM_EXISTS') : err;
    });
    try {
      await startOnce('EXCHANGE_TERM_EXISTS', () =>
        temporal.workflow.start(exchangeTermWorkflow, {
          taskQueue,
          workflowId,
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [input],
          typedSearchAttributes: [{ key: searchAttributes.caseType, value: 'TEACHER_EXCHANGE' }, { key: searchAttributes.caseStatus, value: 'RUNNING' }, { key: searchAttributes.schoolCode, value: teacher.homeSchool.code }],
        }),
      );
    } catch (err) {
      // Not started means not created: no orphan case is listed.
      await db.$transaction([db.caseEvent.deleteMany({ where: { caseId } }), db.case.delete({ where: { id: caseId } })]);
      throw err;
    }
    res.status(201).json({ caseId, workflowId });
  });

  router.get('/exchange/terms/:id', async (req, res) => {
    const me = currentOfficial(res);
    const found = await visibleTerm(me, idParam.parse(req.params).id);
    res.json(await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () => temporal.workflow.getHandle(found.workflowId).query(termStateQuery)));
  });

  router.post('/exchange/terms/:id/early-end', async (req, res) => {
    const me = currentOfficial(res);
    const found = await visibleTerm(me, idParam.parse(req.params).id);
    const body = earlyEndBody.parse(req.body);
    // The home school asks (illness, transfer); EDU may also open it. EDU decides in the chain.
    if (me.schoolId !== found.schoolId && me.unitCode !== 'EDU') throw new DomainError('FORBIDDEN');
    const state = await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () =>
      temporal.workflow.getHandle(found.workflowId).executeUpdate(requestEarlyEndUpdate, { updateId: body.requestId, args: [{ ...body, actor: actorFor(me, selfIdentity(me)) }] }),
    );
    res.json(state);
  });

  router.post('/exchange/refusals', async (req, res) => {
    const me = currentOfficial(res);
    const body = declareRefusalBody.parse(req.body);
    const teacher = await ownTeacher(me, body.teacherId);
    // R-EXCH-REFUSAL concerns a teacher who should exchange (R-EXCH-ELIGIBLE).
    if (!isDueForExchange({ joinedGroupOn: isoDay(teacher.joinedGroupOn, config) }, body.schoolYear, config)) throw new DomainError('EXCHANGE_NOT_DUE');
    const caseId = randomUUID();
    const workflowId = exchangeRefusalWorkflowId(teacher.id, body.schoolYear);
    await startOnce('EXCHANGE_REFUSAL_EXISTS', () =>
      temporal.workflow.start(exchangeRefusalWorkflow, {
        taskQueue,
        workflowId,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
        args: [{ teacherId: teacher.id, schoolYear: body.schoolYear, reason: body.reason, caseId, initiatorId: me.id }],
        typedSearchAttributes: [{ key: searchAttributes.caseType, value: 'EXCHANGE_REFUSAL' }, { key: searchAttributes.caseStatus, value: 'RUNNING' }, { key: searchAttributes.schoolCode, value: teacher.homeSchool.code }],
      }),
    );
    res.status(201).json({ caseId, workflowId });
  });

  return router;
}
