/**
 * A management secondment (R-SECOND-OUT, R-SECOND-IN, R-SECOND-NEWSCHOOL): the team, checked by the
 * API before the case exists, is approved by ORG (+ HR for the new-school pay rate) and EDU; then
 * the term runs from its first to its last day, with a reminder before the end, and the case completes.
 */
import { setHandler, setWorkflowOptions, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import { NEW_SCHOOL_PAY_RATE } from '../../policy/chains/secondment.js';
import { secondmentNeedsPayRate } from '../../policy/secondment.js';
import { runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { secondmentStateQuery, type SecondmentInput, type SecondmentPhase, type SecondmentResult } from './messages.js';
import { runTerm } from './term.js';
import { localDb as db } from '../activity-options.js';
import { pinnedWhenVersioned } from '../versioning.js';

export async function secondmentWorkflow(input: SecondmentInput): Promise<SecondmentResult> {
  const state: { phase: SecondmentPhase } = { phase: 'APPROVAL' };
  setHandler(secondmentStateQuery, () => ({ phase: state.phase }));
  const { caseId } = input;
  await db.openCase({
    caseId,
    workflowId: workflowInfo().workflowId,
    type: 'SECONDMENT',
    title: input.title,
    groupId: input.groupId,
    schoolId: input.direction === 'MEMBER_TO_CORE' ? input.fromSchoolId : input.toSchoolId,
    initiatorId: input.initiatorId ?? null,
    subject: { direction: input.direction, startsOn: input.startsOn, endsOn: input.endsOn },
  });
  await db.saveSecondment({ caseId, direction: input.direction, fromSchoolId: input.fromSchoolId, toSchoolId: input.toSchoolId, members: input.members, startsOn: input.startsOn, endsOn: input.endsOn });

  const chain = await runChain({
    caseId,
    chain: 'SECONDMENT',
    name: 'approval',
    initiatorId: input.initiatorId,
    context: { districtId: input.districtId, groupId: input.groupId, schoolId: input.toSchoolId, conditions: secondmentNeedsPayRate(input.direction) ? [NEW_SCHOOL_PAY_RATE] : [] },
  });
  if (chain.status !== 'APPROVED') {
    const status = chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
    return close(input, status, state);
  }

  const setPhase = async (status: 'APPROVED' | 'ACTIVE') => {
    state.phase = status;
    await db.setSecondmentStatus({ caseId, status });
  };
  await setPhase('APPROVED');
  await db.recordMilestone({ caseId, key: 'approved', comment: `派驻已批准，任期 ${input.startsOn} 至 ${input.endsOn} / Secondment approved for ${input.startsOn} to ${input.endsOn}` });
  await runTerm(caseId, input, () => setPhase('ACTIVE'));
  return close(input, 'COMPLETED', state);
}

async function close(input: SecondmentInput, status: SecondmentResult['status'], state: { phase: SecondmentPhase }): Promise<SecondmentResult> {
  state.phase = status;
  await db.setSecondmentStatus({ caseId: input.caseId, status });
  await db.setCaseStatus({ caseId: input.caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId: input.caseId, dedupeKey: `OUTCOME:${input.caseId}` });
  return { caseId: input.caseId, status };
}

// It lives a posting of school years: it finishes on the build it started on (Worker Deployment Versioning), and a
// release that changes it needs no patch while old builds stay deployed (README "Releasing").
setWorkflowOptions(pinnedWhenVersioned, secondmentWorkflow);
