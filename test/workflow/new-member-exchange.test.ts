/**
 * R-EXCH-NEWMEMBER on the time-skipping server: a member school that joins a group names the group's
 * number of its teachers, the core school confirms, EDU approves, and each teacher's exchange term to
 * the core school starts in the next school year; a list of the wrong size goes back to the school.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import { chainWorkflowId } from '../../workflows/approval-chain/messages.js';
import { caseWorkflowId } from '../../workflows/constants.js';
import { exchangeTermWorkflowId, termStateQuery } from '../../workflows/exchange-term/messages.js';
import { groupChangeWorkflow } from '../../workflows/group-change/workflow.js';
import { newMemberExchangeStateQuery, newMemberExchangeWorkflowId } from '../../workflows/new-member-exchange/messages.js';
import { newMemberExchangeWorkflow } from '../../workflows/new-member-exchange/workflow.js';
import { startChainEnv, type ChainEnv } from '../support/chain-env.js';
import { approveSteps, chainOf, createTeacher } from '../support/exchange.js';
import { decide } from '../support/org-cases.js';
import { recordHistory } from '../support/histories.js';

let t: ChainEnv;

beforeAll(async () => {
  t = await startChainEnv();
  // The test organisation's member school leaves its group, so that it can join again, with its officials.
  await t.db.school.update({ where: { id: t.org.member.id }, data: { groupId: null } });
});

afterAll(async () => {
  await t?.close();
});

describe('new member exchange', () => {
  it('R-EXCH-NEWMEMBER: a joining member names the number of teachers its group set, a wrong count goes back, approved teachers start terms at the core school', async () => {
    // Arrange: the group asks 3 teachers of a new member (the default is 2).
    await t.db.educationGroup.update({ where: { id: t.org.group.id }, data: { newMemberExchangeTeachers: 3 } });
    const teachers = [];
    for (let i = 0; i < 3; i += 1) teachers.push(await createTeacher(t.db, t.org, { schoolId: t.org.member.id }));
    const ids = teachers.map((teacher) => teacher.id);
    const caseId = randomUUID();
    const changeId = caseWorkflowId(caseId);
    const change = await t.env.client.workflow.start(groupChangeWorkflow, {
      taskQueue: t.taskQueue,
      workflowId: changeId,
      args: [{ caseId, title: '集团结构调整', districtId: t.org.district.id, groupId: t.org.group.id, schoolId: t.org.member.id, kind: 'ADD_MEMBER', needsJustification: false, initiatorId: t.org.officials.edu.id }],
    });
    await decide(t, t.env.client.workflow.getHandle(chainWorkflowId(changeId, 'approval')), caseId, 'group-change-edu-approval', 'edu');
    expect(await change.result()).toMatchObject({ status: 'APPROVED' });
    const workflowId = newMemberExchangeWorkflowId(t.org.group.id, t.org.member.id);
    const exchange = t.env.client.workflow.getHandle(workflowId);

    // Act: two teachers named where three are due, then the three.
    await approveSteps(t, chainOf(t, workflowId, 'teachers-1'), [['member', { teacherIds: ids.slice(0, 2) }]]);
    await expect.poll(async () => (await exchange.query(newMemberExchangeStateQuery)).round).toBe(2);
    await approveSteps(t, chainOf(t, workflowId, 'teachers-2'), [['member', { teacherIds: ids }]]);
    await approveSteps(t, chainOf(t, workflowId, 'approval'), ['core', 'edu']);
    const result = await exchange.result();

    // Assert
    const schoolYear = schoolYearOf(new Date(await t.env.currentTimeMs()), policyConfig) + 1;
    expect(result).toEqual({ caseId: result.caseId, phase: 'COMPLETED', terms: ids.map((teacherId) => ({ teacherId, workflowId: exchangeTermWorkflowId(teacherId, schoolYear), alreadyStarted: false })) });
    expect(await t.db.case.findUniqueOrThrow({ where: { id: result.caseId } })).toMatchObject({ type: 'TEACHER_EXCHANGE', status: 'COMPLETED', schoolId: t.org.member.id, groupId: t.org.group.id, subject: { kind: 'NEW_MEMBER', teacherCount: 3, schoolYear, groupChangeCaseId: caseId } });
    expect(await t.db.caseEvent.findFirst({ where: { caseId: result.caseId, kind: 'MILESTONE' }, select: { comment: true } })).toEqual({ comment: expect.stringContaining('应派出3名教师，名单为2名') });
    for (const teacherId of ids) {
      const term = await t.env.client.workflow.getHandle(exchangeTermWorkflowId(teacherId, schoolYear)).query(termStateQuery);
      expect(term).toMatchObject({ phase: 'NOMINATION', fromSchoolId: t.org.member.id, toSchoolId: t.org.core.id, schoolYears: [schoolYear, schoolYear + 1, schoolYear + 2] });
    }
    await recordHistory(exchange, 'new-member-exchange-completed');
  });

  it('R-EXCH-NEWMEMBER: sends back a list naming a teacher of another school before anyone approves it; a refusal starts no term', async () => {
    // Arrange: the group sets no number, so the policy default (2) applies.
    await t.db.educationGroup.update({ where: { id: t.org.group.id }, data: { newMemberExchangeTeachers: null } });
    const own = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const other = await createTeacher(t.db, t.org, { schoolId: t.org.core.id });
    const second = await createTeacher(t.db, t.org, { schoolId: t.org.member.id });
    const workflowId = `new-member-exchange-test-${randomUUID()}`;
    const exchange = await t.env.client.workflow.start(newMemberExchangeWorkflow, { taskQueue: t.taskQueue, workflowId, args: [{ groupId: t.org.group.id, schoolId: t.org.member.id }] });

    // Act
    await approveSteps(t, chainOf(t, workflowId, 'teachers-1'), [['member', { teacherIds: [own.id, other.id] }]]);
    await expect.poll(async () => (await exchange.query(newMemberExchangeStateQuery)).round).toBe(2);
    expect(await exchange.query(newMemberExchangeStateQuery)).toMatchObject({ teacherCount: 2, check: { countMatches: true, notAtSchool: [other.id] } });
    await approveSteps(t, chainOf(t, workflowId, 'teachers-2'), [['member', { teacherIds: [own.id, second.id] }]]);
    const approval = chainOf(t, workflowId, 'approval');
    await approveSteps(t, approval, ['core']);
    await t.decide(approval, t.decision('edu', await t.pendingTask(approval, 1), 'REJECT', { comment: '暂缓' }));
    const result = await exchange.result();

    // Assert
    expect(result).toEqual({ caseId: result.caseId, phase: 'REJECTED', terms: [] });
    expect(await t.db.case.findUniqueOrThrow({ where: { id: result.caseId } })).toMatchObject({ status: 'REJECTED', subject: { kind: 'NEW_MEMBER', teacherCount: 2 } });
    expect(await t.db.caseEvent.findFirst({ where: { caseId: result.caseId, kind: 'MILESTONE' }, select: { comment: true } })).toEqual({ comment: expect.stringContaining('不属于本校') });
  });
});
