/**
 * Starting the organisation cases: management secondments (R-SECOND-*), group structure changes
 * (R-GROUP-*) and cadre shadow placements (R-CADRE-FLAGSHIP). Every rule a request can break is
 * checked here, before any case row or workflow exists.
 */
import { randomUUID } from 'node:crypto';
import { Router } from 'express';
import type { Client } from '@temporalio/client';
import type { Prisma } from '../../generated/prisma/client.js';
import type { PolicyConfig } from '../../policy/config.js';
import { groupSizeAfter } from '../../policy/group-structure.js';
import { secondmentTeamShortfalls } from '../../policy/secondment.js';
import type { Db } from '../../prisma/client.js';
import { cadrePlacementWorkflow } from '../../workflows/cadre-placement/workflow.js';
import { caseWorkflowId, searchAttributes, TASK_QUEUE } from '../../workflows/constants.js';
import { groupChangeWorkflow } from '../../workflows/group-change/workflow.js';
import { secondmentWorkflow } from '../../workflows/secondment/workflow.js';
import { currentOfficial, type CurrentOfficial } from '../auth/sessions.js';
import { startOrForget } from '../cases/start-or-forget.js';
import { DomainError } from '../errors.js';
import { toDomainError } from '../temporal-errors.js';
import { startCadrePlacementBody, startGroupChangeBody, startSecondmentBody } from './schemas.js';
import { cadreTitle, groupChangeTitle, groupChangeWarnings, secondmentTitle, teamShortfallDetails } from './texts.js';

export interface OrgCaseRoutesDeps {
  /** How long a case start may take before the answer says Temporal is unavailable. */
  decisionTimeoutMs: number;
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
}

type UnitCode = 'EDU' | 'ORG' | 'HR';

interface CaseRow {
  type: 'SECONDMENT' | 'GROUP_CHANGE' | 'CADRE_PLACEMENT';
  title: string;
  subject: Prisma.InputJsonObject;
  districtId: string;
  groupId?: string | null;
  schoolId?: string | null;
  teacherId?: string | null;
  /** 抄送: the units told of the term's end and the outcome. */
  copyUnits: UnitCode[];
}

export function orgCaseRoutes({ db, temporal, config, taskQueue = TASK_QUEUE, decisionTimeoutMs }: OrgCaseRoutesDeps): Router {
  const router = Router();

  async function districtOf(me: CurrentOfficial): Promise<string> {
    const home = me.unitId
      ? await db.unit.findUnique({ where: { id: me.unitId }, select: { districtId: true } })
      : me.schoolId
        ? await db.school.findUnique({ where: { id: me.schoolId }, select: { districtId: true } })
        : null;
    if (!home) throw new DomainError('FORBIDDEN');
    return home.districtId;
  }

  /** Writes the case row, then starts its workflow; a workflow that does not start leaves no row behind. */
  async function openCase(me: CurrentOfficial, row: CaseRow, start: (caseId: string, workflowId: string) => Promise<unknown>) {
    const caseId = randomUUID();
    const workflowId = caseWorkflowId(caseId);
    const units = await db.unit.findMany({ where: { districtId: row.districtId, code: { in: row.copyUnits } }, select: { id: true } });
    await db.case.create({
      data: {
        id: caseId,
        type: row.type,
        workflowId,
        title: row.title,
        subject: row.subject,
        groupId: row.groupId ?? null,
        schoolId: row.schoolId ?? null,
        teacherId: row.teacherId ?? null,
        initiatorId: me.id,
        events: { create: { kind: 'CREATED', actorId: me.id, dedupeKey: `created:${caseId}` } },
        copies: { create: units.map((u) => ({ unitId: u.id })) },
      },
    });
    await startOrForget(db, caseId, () => start(caseId, workflowId), { temporal, timeoutMs: decisionTimeoutMs, workflowId }).catch((err: unknown) => {
      throw toDomainError(err);
    });
    return { id: caseId, workflowId, status: 'RUNNING' as const };
  }

  const attributes = (type: CaseRow['type'], school?: { code: string } | null, group?: { code: string } | null) => [
    { key: searchAttributes.caseType, value: type },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    ...(school ? [{ key: searchAttributes.schoolCode, value: school.code }] : []),
    ...(group ? [{ key: searchAttributes.groupCode, value: group.code }] : []),
  ];

  /** R-SECOND-*: EDU, or the school that sends the team (the core school, or the member school for R-SECOND-IN). */
  router.post('/secondments', async (req, res) => {
    const me = currentOfficial(res);
    const body = startSecondmentBody.parse(req.body);
    const districtId = await districtOf(me);
    const member = await db.school.findFirst({ where: { id: body.memberSchoolId, districtId }, include: { group: true } });
    if (!member) throw new DomainError('NOT_FOUND');
    if (!member.group || member.role === 'CORE') throw new DomainError('NOT_A_MEMBER_SCHOOL');
    const core = await db.school.findFirst({ where: { groupId: member.group.id, role: 'CORE' } });
    if (!core) throw new DomainError('ROUTE_UNRESOLVED');
    const [from, to] = body.direction === 'MEMBER_TO_CORE' ? [member, core] : [core, member];
    if (me.unitCode !== 'EDU' && me.schoolId !== from.id) throw new DomainError('FORBIDDEN');
    const shortfalls = secondmentTeamShortfalls(body.direction, body.members, config);
    if (shortfalls.length > 0) throw new DomainError('SECONDMENT_TEAM_INCOMPLETE', { missing: teamShortfallDetails(shortfalls) });

    const input = {
      title: body.title ?? secondmentTitle(body.direction, from.name, to.name),
      districtId,
      groupId: member.group.id,
      direction: body.direction,
      fromSchoolId: from.id,
      toSchoolId: to.id,
      members: body.members,
      startsOn: body.startsOn,
      endsOn: body.endsOn,
      reminderLeadDays: body.reminderLeadDays ?? config.secondment.reminderLeadDays,
      initiatorId: me.id,
    };
    const copyUnits: UnitCode[] = body.direction === 'NEW_SCHOOL' ? ['ORG', 'HR', 'EDU'] : ['ORG', 'EDU'];
    const subject = { direction: body.direction, fromSchoolId: from.id, toSchoolId: to.id, startsOn: body.startsOn, endsOn: body.endsOn };
    const created = await openCase(me, { type: 'SECONDMENT', title: input.title, subject, districtId, groupId: member.group.id, schoolId: member.id, copyUnits }, (caseId, workflowId) =>
      temporal.workflow.start(secondmentWorkflow, { taskQueue, workflowId, args: [{ caseId, ...input }], typedSearchAttributes: attributes('SECONDMENT', member, member.group) }),
    );
    res.status(201).json(created);
  });

  /** R-GROUP-SIZE, R-GROUP-ALLIANCE, R-GROUP-SUBCORE: the Education Bureau changes its groups. */
  router.post('/group-changes', async (req, res) => {
    const me = currentOfficial(res);
    if (me.unitCode !== 'EDU') throw new DomainError('FORBIDDEN');
    const body = startGroupChangeBody.parse(req.body);
    const districtId = await districtOf(me);
    const [group, school] = await Promise.all([
      db.educationGroup.findFirst({ where: { id: body.groupId, districtId } }),
      db.school.findFirst({ where: { id: body.schoolId, districtId } }),
    ]);
    if (!group || !school) throw new DomainError('NOT_FOUND');
    const pending = await db.case.count({ where: { type: 'GROUP_CHANGE', schoolId: school.id, status: { in: ['RUNNING', 'RETURNED'] } } });
    if (pending > 0) throw new DomainError('GROUP_CHANGE_PENDING');

    if (body.kind === 'ADD_MEMBER' && school.groupId === group.id) throw new DomainError('SCHOOL_ALREADY_IN_GROUP');
    if (body.kind === 'ADD_MEMBER' && school.groupId !== null) throw new DomainError('SCHOOL_IN_ANOTHER_GROUP');
    if (body.kind === 'REMOVE_MEMBER' && (school.groupId !== group.id || school.role === 'CORE')) throw new DomainError('NOT_A_MEMBER_SCHOOL');
    // Only a plain member is promoted: a sub-core school already is one, the core school is above it.
    if (body.kind === 'SUB_CORE' && (school.groupId !== group.id || school.role !== 'MEMBER')) throw new DomainError('NOT_A_MEMBER_SCHOOL');
    if (body.kind === 'ALLIANCE_LINK') {
      const linked = await db.allianceLink.count({ where: { schoolId: school.id, groupId: group.id } });
      if (school.groupId === group.id || linked > 0) throw new DomainError('SCHOOL_ALREADY_IN_GROUP');
    }

    const members = await db.school.count({ where: { groupId: group.id, role: { not: 'CORE' } } });
    const size = groupSizeAfter(body.kind, members, group.kind, config);
    const sizeDetails = { members, after: size.after, ...config.groupSize };
    if (size.verdict === 'TOO_LARGE') throw new DomainError('GROUP_TOO_LARGE', sizeDetails);
    if (size.verdict === 'NEEDS_JUSTIFICATION' && !body.justification) throw new DomainError('GROUP_JUSTIFICATION_REQUIRED', sizeDetails);
    const needsJustification = size.verdict === 'NEEDS_JUSTIFICATION';

    const title = body.title ?? groupChangeTitle(body.kind, group.name, school.name);
    const subject = { kind: body.kind, ...(needsJustification && body.justification ? { proposedJustification: body.justification } : {}) };
    const created = await openCase(me, { type: 'GROUP_CHANGE', title, subject, districtId, groupId: group.id, schoolId: school.id, copyUnits: [] }, (caseId, workflowId) =>
      temporal.workflow.start(groupChangeWorkflow, {
        taskQueue,
        workflowId,
        args: [{ caseId, title, districtId, groupId: group.id, schoolId: school.id, kind: body.kind, needsJustification, ...(subject.proposedJustification ? { proposedJustification: subject.proposedJustification } : {}), initiatorId: me.id }],
        typedSearchAttributes: attributes('GROUP_CHANGE', school, group),
      }),
    );
    res.status(201).json({ ...created, size: sizeDetails, warnings: groupChangeWarnings(size.verdict) });
  });

  /** R-CADRE-FLAGSHIP: the Organization Department selects the candidates. */
  router.post('/cadre-placements', async (req, res) => {
    const me = currentOfficial(res);
    if (me.unitCode !== 'ORG') throw new DomainError('FORBIDDEN');
    const body = startCadrePlacementBody.parse(req.body);
    const districtId = await districtOf(me);
    if (body.teacherId) {
      const teacher = await db.teacher.findFirst({ where: { id: body.teacherId, homeSchool: { districtId } }, select: { id: true } });
      if (!teacher) throw new DomainError('NOT_FOUND');
    }
    const title = body.title ?? cadreTitle(body.category, body.candidateName, body.flagshipSchool);
    const input = { title, districtId, candidateName: body.candidateName, category: body.category, flagshipSchool: body.flagshipSchool, startsOn: body.startsOn, endsOn: body.endsOn, reminderLeadDays: body.reminderLeadDays ?? config.cadrePlacement.reminderLeadDays, initiatorId: me.id, ...(body.teacherId ? { teacherId: body.teacherId } : {}) };
    const subject = { candidateName: body.candidateName, category: body.category, flagshipSchool: body.flagshipSchool, startsOn: body.startsOn, endsOn: body.endsOn };
    const created = await openCase(me, { type: 'CADRE_PLACEMENT', title, subject, districtId, teacherId: body.teacherId ?? null, copyUnits: ['HR', 'EDU'] }, (caseId, workflowId) =>
      temporal.workflow.start(cadrePlacementWorkflow, { taskQueue, workflowId, args: [{ caseId, ...input }], typedSearchAttributes: attributes('CADRE_PLACEMENT') }),
    );
    res.status(201).json(created);
  });

  return router;
}
