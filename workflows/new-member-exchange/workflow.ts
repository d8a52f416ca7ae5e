/**
 * R-EXCH-NEWMEMBER: a member school that joins a group sends the group's number of teachers to the
 * core school. The member school names them; a list with a wrong count or a teacher of another
 * school goes back to it before anyone approves; then the core school confirms and EDU approves. On
 * approval one exchange term per teacher starts in the next school year, once per teacher and year.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, proxyLocalActivities, setHandler, startChild, upsertSearchAttributes, uuid4, workflowInfo, WorkflowIdReusePolicy } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { exchangeTermWorkflowId } from '../exchange-term/messages.js';
import { exchangeTermWorkflow } from '../exchange-term/workflow.js';
import { sendNotifications } from '../notifications/send.js';
import { newMemberExchangeStateQuery, type NewMemberExchangeInput, type NewMemberExchangeResult, type NewMemberExchangeState } from './messages.js';
import { bulkDbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(bulkDbLocalActivity);

export async function newMemberExchangeWorkflow(input: NewMemberExchangeInput): Promise<NewMemberExchangeResult> {
  const state: NewMemberExchangeState = { caseId: null, phase: 'NAMING', teacherCount: 0, schoolYear: null, round: 0, teacherIds: [], check: null, terms: [] };
  setHandler(newMemberExchangeStateQuery, () => state);

  const facts = await db.newMemberExchangeFacts({ groupId: input.groupId, schoolId: input.schoolId });
  state.teacherCount = facts.teacherCount;
  state.schoolYear = facts.schoolYear;
  upsertSearchAttributes([
    { key: searchAttributes.caseType, value: 'TEACHER_EXCHANGE' },
    { key: searchAttributes.caseStatus, value: 'RUNNING' },
    { key: searchAttributes.groupCode, value: facts.groupCode },
    { key: searchAttributes.schoolCode, value: facts.schoolCode },
  ]);
  const { caseId } = await db.openCase({
    caseId: uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'TEACHER_EXCHANGE',
    title: `${facts.schoolName}加入${facts.groupName}：派出${facts.teacherCount}名教师到核心校 / new member sends ${facts.teacherCount} teachers to the core school`,
    subject: { kind: 'NEW_MEMBER', teacherCount: facts.teacherCount, schoolYear: facts.schoolYear, ...(input.groupChangeCaseId ? { groupChangeCaseId: input.groupChangeCaseId } : {}) },
    groupId: input.groupId,
    schoolId: input.schoolId,
  });
  state.caseId = caseId;

  async function close(phase: NewMemberExchangeResult['phase']): Promise<NewMemberExchangeResult> {
    state.phase = phase;
    await db.setCaseStatus({ caseId, status: phase });
    upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: phase }]);
    await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
    return { caseId, phase, terms: state.terms };
  }

  const context = { districtId: facts.districtId, groupId: input.groupId, schoolId: input.schoolId };
  for (;;) {
    state.round += 1;
    const chain = await runChain({ caseId, chain: 'NEW_MEMBER_EXCHANGE_TEACHERS', name: `teachers-${state.round}`, context });
    const form = chain.status === 'APPROVED' ? approvedForm(chain, 'new-member-exchange-teachers', 'NEW_MEMBER_TEACHERS') : undefined;
    if (!form) return close(chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED');
    state.teacherIds = form.teacherIds;
    state.check = await db.checkNewMemberTeachers({ schoolId: input.schoolId, teacherIds: form.teacherIds, teacherCount: facts.teacherCount });
    if (state.check.countMatches && state.check.notAtSchool.length === 0) break;
    await db.recordMilestone({
      caseId,
      key: `teachers-${state.round}-refused`,
      comment: state.check.countMatches
        ? '名单中有不属于本校的教师，请重新确定 / teachers of another school are named'
        : `应派出${facts.teacherCount}名教师，名单为${form.teacherIds.length}名，请重新确定 / ${facts.teacherCount} teachers are due, ${form.teacherIds.length} named`,
      form: { teacherCount: facts.teacherCount, teacherIds: form.teacherIds, notAtSchool: state.check.notAtSchool },
    });
  }

  state.phase = 'APPROVING';
  const approval = await runChain({ caseId, chain: 'NEW_MEMBER_EXCHANGE_APPROVAL', name: 'approval', context });
  if (approval.status !== 'APPROVED') return close(approval.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED');

  for (const teacherId of state.teacherIds) {
    const workflowId = exchangeTermWorkflowId(teacherId, facts.schoolYear);
    try {
      await startChild(exchangeTermWorkflow, {
        workflowId,
        args: [{ teacherId, toSchoolId: facts.coreSchoolId, startSchoolYear: facts.schoolYear, planCaseId: caseId }],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
      state.terms.push({ teacherId, workflowId, alreadyStarted: false });
    } catch (err) {
      // A teacher already on a term that year (e.g. from the rotation plan) keeps that one term.
      if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      state.terms.push({ teacherId, workflowId, alreadyStarted: true });
    }
  }
  return close('COMPLETED');
}
