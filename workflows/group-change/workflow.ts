/**
 * A change to a group's structure (R-GROUP-SIZE, R-GROUP-ALLIANCE, R-GROUP-SUBCORE): EDU approves
 * (a 7th or 8th member only with a justification an EDU lead approves); the approved change is
 * checked again against the group as it is then and written to the organisation data. A joining
 * member school then names the teachers it sends to the core school (R-EXCH-NEWMEMBER).
 */
import { setHandler, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { ABOVE_STANDARD_SIZE } from '../../policy/group-structure.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { groupChangeStateQuery, type GroupChangeInput, type GroupChangePhase, type GroupChangeResult } from './messages.js';
import { newMemberJoined } from './new-member.js';
import { newSchoolJoined } from './new-school.js';
import { localDb as db } from '../activity-options.js';

const refusalTexts = {
  GROUP_TOO_LARGE: '集团成员校已达上限 / the group has reached its maximum size',
  GROUP_JUSTIFICATION_REQUIRED: '成员校将超过标准规模，但超规模理由未经批准 / a member beyond the standard size without an approved justification',
  SCHOOL_IN_ANOTHER_GROUP: '该校已加入其他集团 / the school has joined another group',
  SCHOOL_NOT_MEMBER: '该校已不是本集团成员校 / the school is no longer a member of the group',
} as const;

export async function groupChangeWorkflow(input: GroupChangeInput): Promise<GroupChangeResult> {
  const state: { phase: GroupChangePhase; justification?: string } = { phase: 'APPROVAL' };
  setHandler(groupChangeStateQuery, () => state);
  const { caseId } = input;
  await db.openCase({ caseId, workflowId: workflowInfo().workflowId, type: 'GROUP_CHANGE', title: input.title, groupId: input.groupId, schoolId: input.schoolId, initiatorId: input.initiatorId ?? null, subject: baseSubject(input) });

  const chain = await runChain({
    caseId,
    chain: 'GROUP_CHANGE',
    name: 'approval',
    initiatorId: input.initiatorId,
    context: { districtId: input.districtId, groupId: input.groupId, schoolId: input.schoolId, conditions: input.needsJustification ? [ABOVE_STANDARD_SIZE] : [] },
  });
  if (chain.status !== 'APPROVED') {
    const status = chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
    state.phase = status;
    return close(caseId, { caseId, status }, baseSubject(input));
  }

  state.justification = approvedForm(chain, 'group-change-size-justification', 'GROUP_SIZE_JUSTIFICATION')?.justification;
  const applied = await db.applyGroupChange({ caseId, groupId: input.groupId, schoolId: input.schoolId, kind: input.kind, justified: state.justification !== undefined });
  const subject = { ...baseSubject(input), ...(state.justification ? { justification: state.justification } : {}) };
  if (!applied.applied) {
    state.phase = 'REFUSED';
    await db.recordMilestone({ caseId, key: 'refused', comment: `已批准但无法执行：${refusalTexts[applied.reason]}` });
    return close(caseId, { caseId, status: 'REJECTED', refusal: applied.reason }, { ...subject, refusal: applied.reason });
  }
  state.phase = 'APPLIED';
  await db.recordMilestone({ caseId, key: 'applied', comment: '集团结构调整已生效 / The structure change is applied' });
  if (input.kind === 'ADD_MEMBER' && applied.newSchool) await newSchoolJoined(caseId, input.schoolId);
  if (input.kind === 'ADD_MEMBER') await newMemberJoined(caseId, input.groupId, input.schoolId);
  return close(caseId, { caseId, status: 'APPROVED', newSchool: input.kind === 'ADD_MEMBER' && applied.newSchool }, subject);
}

function baseSubject(input: GroupChangeInput): Record<string, string> {
  return { kind: input.kind, ...(input.proposedJustification ? { proposedJustification: input.proposedJustification } : {}) };
}

async function close(caseId: string, result: GroupChangeResult, subject: Record<string, string>): Promise<GroupChangeResult> {
  await db.setCaseStatus({ caseId, status: result.status, subject });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: result.status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return result;
}
