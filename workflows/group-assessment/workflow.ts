/**
 * A group's assessment for one school year (R-ASSESS-ANNUAL): the core school submits the
 * self-assessment by its (longer) deadline — the chain reminds, flags it overdue and escalates —,
 * EDU scores it and proposes the tier, an EDU lead approves, and the result is published: the
 * year's GroupAssessment row and the group's new tier (R-TIER-DYNAMIC). In full-review years
 * (R-REVIEW-3Y) the size and structure are recorded too (R-GROUP-SIZE) and the tier may move further.
 */
import { proxyLocalActivities, setHandler, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { assessmentKindOf, groupStructure, tierAfterMove } from '../../policy/assessment.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { groupAssessmentStateQuery, type GroupAssessmentInput, type GroupAssessmentResult, type GroupAssessmentState } from './messages.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

export async function groupAssessmentWorkflow(input: GroupAssessmentInput): Promise<GroupAssessmentResult> {
  const state: GroupAssessmentState = { caseId: null, schoolYear: input.schoolYear, kind: null, phase: 'OPENING', tierBefore: null, tierAfter: null, structure: null };
  setHandler(groupAssessmentStateQuery, () => ({ ...state }));

  const group = await db.loadAssessmentGroup({ groupId: input.groupId });
  const kind = assessmentKindOf(input.schoolYear, group.firstSchoolYear);
  const structure = kind === 'FULL_REVIEW' ? groupStructure(group.memberSchools, group.coreSchools) : null;
  const title = kind === 'FULL_REVIEW' ? { zh: '三年全面评估', en: 'full review' } : { zh: '年度考核', en: 'annual assessment' };
  const { caseId } = await db.openCase({
    caseId: uuid4(),
    workflowId: workflowInfo().workflowId,
    type: 'GROUP_ASSESSMENT',
    title: `${group.name} ${input.schoolYear}学年${title.zh} / ${input.schoolYear} ${title.en}`,
    subject: { schoolYear: input.schoolYear, kind },
    groupId: input.groupId,
  });
  await db.openGroupAssessment({ caseId, groupId: input.groupId, schoolYear: input.schoolYear, kind, tierBefore: group.tier, ...(structure ? { structure: { ...structure } } : {}) });
  Object.assign(state, { caseId, kind, tierBefore: group.tier, structure, phase: 'IN_CHAIN' });

  const chain = await runChain({ caseId, chain: 'GROUP_ASSESSMENT', name: `assessment-${input.schoolYear}`, context: { districtId: group.districtId, groupId: input.groupId, conditions: [kind] } });
  const close = async (status: GroupAssessmentResult['status']) => {
    await db.setCaseStatus({ caseId, status });
    upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
    await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  };
  if (chain.status !== 'APPROVED') {
    // A rejected tier decision is redone by returning the step; rejecting ends the year's case unpublished.
    state.phase = 'CLOSED_UNPUBLISHED';
    const status = chain.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
    await close(status);
    return { caseId, status, kind, tierBefore: group.tier, tierAfter: null };
  }

  const selfAssessment = approvedForm(chain, 'assessment-self-assessment', 'SELF_ASSESSMENT');
  const score = approvedForm(chain, 'assessment-score', 'ASSESSMENT_SCORE');
  const decision = kind === 'FULL_REVIEW' ? approvedForm(chain, 'assessment-tier-full-review', 'TIER_DECISION_FULL_REVIEW') : approvedForm(chain, 'assessment-tier-annual', 'TIER_DECISION');
  if (!selfAssessment || !score || !decision) throw new Error('An approved assessment chain lacks one of its forms.');
  const tierAfter = tierAfterMove(group.tier, decision.move);
  const findings = 'structureFindings' in decision ? decision.structureFindings : undefined;
  await db.publishGroupAssessment({
    groupId: input.groupId,
    schoolYear: input.schoolYear,
    selfAssessment: { ...selfAssessment },
    score: score.score,
    tierAfter,
    ...(structure ? { structure: { ...structure, ...(findings ? { findings } : {}) } } : {}),
  });
  await db.recordMilestone({
    caseId,
    key: 'published',
    comment: `考核结果已发布：得分 ${score.score}，层级 ${group.tier} → ${tierAfter} / Published: score ${score.score}, tier ${group.tier} → ${tierAfter}`,
    form: { score: score.score, tierBefore: group.tier, tierAfter, ...(decision.reason ? { reason: decision.reason } : {}) },
  });
  Object.assign(state, { tierAfter, phase: 'PUBLISHED' });
  await close('COMPLETED');
  return { caseId, status: 'COMPLETED', kind, tierBefore: group.tier, tierAfter };
}
