/**
 * Money cases (R-FUND-*): EDU starts a new school's subsidy period, a member school claims an
 * expert lecture fee, and whoever may see a case reads its ledger.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import { WorkflowExecutionAlreadyStartedError, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { schoolYearOf } from '../../policy/calendar.js';
import type { PolicyConfig } from '../../policy/config.js';
import { isCoreBackbone, isNewSchool, lectureFeeFen } from '../../policy/funding.js';
import type { Db } from '../../prisma/client.js';
import { searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { lectureFeeWorkflowId } from '../../workflows/lecture-fee/messages.js';
import { lectureFeeWorkflow } from '../../workflows/lecture-fee/workflow.js';
import { newSchoolSubsidyWorkflowId } from '../../workflows/new-school-subsidy/messages.js';
import { newSchoolSubsidyWorkflow } from '../../workflows/new-school-subsidy/workflow.js';
import { identitiesOf, visibleCases } from '../access.js';
import { currentOfficial } from '../auth/sessions.js';
import { startOrForget } from '../cases/start-or-forget.js';
import { DomainError } from '../errors.js';
import { idParam } from '../schemas.js';
import { toDomainError } from '../temporal-errors.js';
import { lectureFeeBody, startSubsidyBody } from './schemas.js';

export interface FundingRoutesDeps {
  /** How long a case start may take before the answer says Temporal is unavailable. */
  decisionTimeoutMs: number;
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
}

export function fundingRoutes({ db, temporal, config, taskQueue = TASK_QUEUE, decisionTimeoutMs }: FundingRoutesDeps): Router {
  const router = Router();

  /** A second subsidy period for the same school is refused by its workflow id. */
  const start = (caseId: string, workflowId: string, run: () => Promise<unknown>) =>
    startOrForget(db, caseId, run, { temporal, timeoutMs: decisionTimeoutMs, workflowId }).catch((err: unknown) => {
      if (err instanceof WorkflowExecutionAlreadyStartedError) throw new DomainError('SUBSIDY_EXISTS');
      throw toDomainError(err);
    });

  // R-FUND-NEWSCHOOL: EDU of the school's district starts the three-year period.
  router.post('/funding/new-school-subsidies', async (req, res) => {
    const me = currentOfficial(res);
    const body = startSubsidyBody.parse(req.body);
    const unit = me.unitId ? await db.unit.findUnique({ where: { id: me.unitId } }) : null;
    if (unit?.code !== 'EDU') throw new DomainError('FORBIDDEN');
    const school = await db.school.findUnique({ where: { id: body.schoolId }, include: { group: true } });
    if (!school || school.districtId !== unit.districtId) throw new DomainError('NOT_FOUND');
    const now = new Date();
    const group = school.group;
    if (!group || school.role === 'CORE' || !isNewSchool(school.foundedOn, now, config.funding)) throw new DomainError('NOT_NEW_SCHOOL');
    const workflowId = newSchoolSubsidyWorkflowId(school.id);
    if (await db.case.findUnique({ where: { workflowId } })) throw new DomainError('SUBSIDY_EXISTS');

    const caseId = randomUUID();
    const firstSchoolYear = schoolYearOf(now, config);
    await db.case.create({
      data: {
        id: caseId,
        type: 'NEW_SCHOOL_SUBSIDY',
        workflowId,
        title: `${school.name} 新建学校经费保障 ${firstSchoolYear}–${firstSchoolYear + config.funding.newSchoolYears} / New-school subsidy ${firstSchoolYear}–${firstSchoolYear + config.funding.newSchoolYears}`,
        subject: { firstSchoolYear, years: config.funding.newSchoolYears },
        schoolId: school.id,
        groupId: school.groupId,
        initiatorId: me.id,
        events: { create: { kind: 'CREATED', actorId: me.id, dedupeKey: `created:${caseId}` } },
      },
    });
    await start(caseId, workflowId, () =>
      temporal.workflow.start(newSchoolSubsidyWorkflow, {
        taskQueue,
        workflowId,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        args: [{ schoolId: school.id, caseId, initiatorId: me.id, firstSchoolYear }],
        typedSearchAttributes: [
          { key: searchAttributes.caseType, value: 'NEW_SCHOOL_SUBSIDY' },
          { key: searchAttributes.caseStatus, value: 'RUNNING' },
          { key: searchAttributes.schoolCode, value: school.code },
          { key: searchAttributes.groupCode, value: group.code },
        ],
      }),
    );
    res.status(201).json({ id: caseId, workflowId, status: 'RUNNING', firstSchoolYear });
  });

  // R-FUND-LECTURE: an official of a member school claims the fee for the core school's backbone teacher.
  router.post('/funding/lecture-fees', async (req, res) => {
    const me = currentOfficial(res);
    const body = lectureFeeBody.parse(req.body);
    const school = me.schoolId ? await db.school.findUnique({ where: { id: me.schoolId }, include: { group: true } }) : null;
    const group = school?.group;
    if (!school || !group || school.role === 'CORE') throw new DomainError('NOT_MEMBER_SCHOOL');
    const core = await db.school.findFirst({ where: { groupId: group.id, role: 'CORE' } });
    const teacher = await db.teacher.findUnique({ where: { id: body.teacherId } });
    if (!core || !teacher || !isCoreBackbone(teacher, core.id)) throw new DomainError('LECTURER_NOT_CORE_BACKBONE');
    const amountFen = lectureFeeFen(teacher.title, body.hours, config.funding);
    const schoolYear = schoolYearOf(new Date(`${body.lectureDate}T12:00:00+08:00`), config);

    const caseId = randomUUID();
    const workflowId = lectureFeeWorkflowId(caseId);
    await db.case.create({
      data: {
        id: caseId,
        type: 'LECTURE_FEE',
        workflowId,
        title: `专家讲课费：${teacher.name}《${body.topic}》 / Lecture fee: ${teacher.name}`,
        subject: { topic: body.topic, lectureDate: body.lectureDate, hours: body.hours, title: teacher.title, amountFen, schoolYear },
        schoolId: school.id,
        groupId: group.id,
        teacherId: teacher.id,
        initiatorId: me.id,
        events: { create: { kind: 'CREATED', actorId: me.id, dedupeKey: `created:${caseId}` } },
      },
    });
    await start(caseId, workflowId, () =>
      temporal.workflow.start(lectureFeeWorkflow, {
        taskQueue,
        workflowId,
        args: [{ caseId, districtId: school.districtId, schoolId: school.id, groupId: group.id, teacherId: teacher.id, topic: body.topic, hours: body.hours, amountFen, schoolYear, initiatorId: me.id }],
        typedSearchAttributes: [
          { key: searchAttributes.caseType, value: 'LECTURE_FEE' },
          { key: searchAttributes.caseStatus, value: 'RUNNING' },
          { key: searchAttributes.schoolCode, value: school.code },
          { key: searchAttributes.groupCode, value: group.code },
        ],
      }),
    );
    res.status(201).json({ id: caseId, workflowId, status: 'RUNNING', amountFen });
  });

  // The ledger rows a case booked (amounts in fen), for anyone who may see the case.
  router.get('/funding/cases/:id/ledger', async (req, res) => {
    const me = currentOfficial(res);
    const { id } = idParam.parse(req.params);
    const found = await db.case.findFirst({ where: { AND: [{ id }, visibleCases(me, await identitiesOf(db, me))] }, select: { id: true } });
    if (!found) throw new DomainError('NOT_FOUND');
    const items = await db.ledgerEntry.findMany({ where: { caseId: id }, orderBy: [{ schoolYear: 'asc' }, { kind: 'asc' }, { campusId: 'asc' }] });
    res.json({ caseId: id, totalFen: items.reduce((sum, e) => sum + e.amountFen, 0), items });
  });

  return router;
}
