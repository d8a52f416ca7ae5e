/** R-STAFF-ANNUAL: the group's core school or the Staffing Office proposes the year's quotas inside the fixed total. */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import { allocateQuotas } from '../../policy/staffing.js';
import type { Db } from '../../prisma/client.js';
import { searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { staffingAdjustmentWorkflowId } from '../../workflows/staffing-adjustment/messages.js';
import { staffingAdjustmentWorkflow } from '../../workflows/staffing-adjustment/workflow.js';
import { currentOfficial } from '../auth/sessions.js';
import { startOrForget } from '../cases/start-or-forget.js';
import { DomainError } from '../errors.js';
import { toDomainError } from '../temporal-errors.js';
import { staffingProposalBody } from './schemas.js';

export function staffingRoutes({ db, temporal, taskQueue = TASK_QUEUE, decisionTimeoutMs }: { db: Db; temporal: Client; taskQueue?: string; decisionTimeoutMs: number }): Router {
  const router = Router();

  router.post('/staffing/adjustments', async (req, res) => {
    const me = currentOfficial(res);
    const body = staffingProposalBody.parse(req.body);
    const group = await db.educationGroup.findUnique({ where: { id: body.groupId }, include: { schools: { select: { id: true, role: true } } } });
    if (!group) throw new DomainError('NOT_FOUND');
    const unit = me.unitId ? await db.unit.findUnique({ where: { id: me.unitId } }) : null;
    const isStaffOffice = unit?.code === 'STAFF' && unit.districtId === group.districtId;
    const isCore = group.schools.some((s) => s.id === me.schoolId && s.role === 'CORE');
    if (!isStaffOffice && !isCore) throw new DomainError('FORBIDDEN');

    const listed = body.enrolments.map((e) => e.schoolId);
    const groupSchools = new Set(group.schools.map((s) => s.id));
    if (new Set(listed).size !== listed.length || listed.length !== groupSchools.size || listed.some((id) => !groupSchools.has(id))) throw new DomainError('STAFFING_SCHOOLS_MISMATCH');
    if (body.enrolments.every((e) => e.enrolment === 0)) throw new DomainError('VALIDATION_FAILED', [{ path: 'enrolments', message: 'at least one school has pupils' }]);
    // "Total control": once a year is allocated, the group's total stays fixed.
    const previous = await db.staffingAllocation.aggregate({ where: { groupId: group.id, schoolYear: { lt: body.schoolYear } }, _max: { schoolYear: true } });
    if (previous._max.schoolYear !== null) {
      const fixed = await db.staffingAllocation.aggregate({ where: { groupId: group.id, schoolYear: previous._max.schoolYear }, _sum: { quota: true } });
      if (fixed._sum.quota !== body.total) throw new DomainError('STAFFING_TOTAL_CHANGED', { total: fixed._sum.quota });
    }
    const earlier = await db.case.findMany({ where: { type: 'STAFFING_ADJUSTMENT', groupId: group.id, subject: { path: ['schoolYear'], equals: body.schoolYear } }, select: { status: true } });
    if (earlier.some((c) => ['RUNNING', 'RETURNED', 'APPROVED'].includes(c.status))) throw new DomainError('STAFFING_EXISTS');

    const caseId = randomUUID();
    const workflowId = staffingAdjustmentWorkflowId(group.id, body.schoolYear, earlier.length + 1);
    const quotas = allocateQuotas(body.total, body.enrolments);
    await db.case.create({
      data: {
        id: caseId,
        type: 'STAFFING_ADJUSTMENT',
        workflowId,
        title: `${group.name} ${body.schoolYear}学年编制调整 / Staffing adjustment ${body.schoolYear}`,
        subject: { schoolYear: body.schoolYear, total: body.total, quotas: quotas.map((q) => ({ ...q })) },
        groupId: group.id,
        initiatorId: me.id,
        events: { create: { kind: 'CREATED', actorId: me.id, dedupeKey: `created:${caseId}` } },
      },
    });
    await startOrForget(db, caseId, () =>
      temporal.workflow.start(staffingAdjustmentWorkflow, {
        taskQueue,
        workflowId,
        args: [{ caseId, districtId: group.districtId, groupId: group.id, schoolYear: body.schoolYear, total: body.total, enrolments: body.enrolments, initiatorId: me.id }],
        typedSearchAttributes: [
          { key: searchAttributes.caseType, value: 'STAFFING_ADJUSTMENT' },
          { key: searchAttributes.caseStatus, value: 'RUNNING' },
          { key: searchAttributes.groupCode, value: group.code },
        ],
      }),
      { temporal, timeoutMs: decisionTimeoutMs, workflowId },
    ).catch((err: unknown) => {
      throw toDomainError(err);
    });
    res.status(201).json({ id: caseId, workflowId, status: 'RUNNING', quotas });
  });

  return router;
}
