/**
 * A district's commendation round for one school year (R-AWARD-ANNUAL). Every group school is
 * asked for nominations in its own chain (reminded, then escalated at the deadline); a school that
 * has not answered when the late period after the deadline ends is recorded as nominating none.
 * The groups' core schools endorse their schools' nominees, EDU lists the district's commended and
 * recommends the best to the city ("最美教师" / "优秀班主任"), EDU and ORG countersign, and the
 * outcome is published on the Nomination rows.
 */
import { CancellationScope, condition, isCancellation, proxyLocalActivities, setHandler, upsertSearchAttributes, uuid4, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import type { NominationRecord, RoundSchool } from '../../activities/commendation.js';
import { districtOutcome, endorsementOutcome, type NominationOutcome } from '../../policy/commendation.js';
import { chainWorkflowId, type ChainSnapshot } from '../approval-chain/messages.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { commendationRoundStateQuery, type CommendationRoundInput, type CommendationRoundResult, type CommendationRoundState } from './messages.js';
import { dbLocalActivity } from '../activity-options.js';

const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);

/** Runs a chain until it ends or `ms` pass; then it is cancelled and undefined comes back. */
async function chainUntil(ms: number, run: () => Promise<ChainSnapshot>): Promise<ChainSnapshot | undefined> {
  const scope = new CancellationScope();
  let outcome: { snapshot?: ChainSnapshot; error?: unknown } | undefined;
  const running = scope.run(run).then(
    (snapshot) => (outcome = { snapshot }),
    (error: unknown) => (outcome = { error }),
  );
  if (!(await condition(() => outcome !== undefined, ms))) scope.cancel();
  await running;
  if (outcome?.error !== undefined && !isCancellation(outcome.error)) throw outcome.error;
  return outcome?.snapshot;
}

export async function commendationRoundWorkflow(input: CommendationRoundInput): Promise<CommendationRoundResult> {
  const workflowId = workflowInfo().workflowId;
  const state: CommendationRoundState = { caseId: null, phase: 'NOMINATING', awaitingSchools: [], lapsedSchools: [], nominees: [] };
  setHandler(commendationRoundStateQuery, () => ({ ...state, nominees: state.nominees.map((n) => ({ ...n })) }));

  const round = await db.loadCommendationRound({ districtId: input.districtId });
  const { caseId } = await db.openCase({
    caseId: uuid4(),
    workflowId,
    type: 'COMMENDATION_ROUND',
    title: `${round.districtName} ${input.schoolYear}学年集团化办学表彰推荐 / ${input.schoolYear} commendation round`,
    subject: { schoolYear: input.schoolYear },
  });
  state.caseId = caseId;
  state.awaitingSchools = round.schools.map((s) => s.code);
  const closesInMs = await db.msUntilNominationsClose();

  const nominate = async (school: RoundSchool): Promise<NominationRecord[]> => {
    const name = `nominations-${school.code}`;
    const chain = await chainUntil(closesInMs, () => runChain({ caseId, chain: 'COMMENDATION_NOMINATION', name, context: { districtId: input.districtId, schoolId: school.id } }));
    state.awaitingSchools = state.awaitingSchools.filter((code) => code !== school.code);
    if (!chain) {
      state.lapsedSchools.push(school.code);
      await db.closeUnansweredNominations({ caseId, chainWorkflowId: chainWorkflowId(workflowId, name), schoolCode: school.code });
      return [];
    }
    const form = chain.status === 'APPROVED' ? approvedForm(chain, 'commendation-nominations', 'NOMINATIONS') : undefined;
    return form ? db.recordNominations({ caseId, schoolYear: input.schoolYear, schoolId: school.id, groupId: school.groupId, nominees: form.nominees }) : [];
  };
  const nominations = (await Promise.all(round.schools.map(nominate))).flat();
  state.nominees = nominations.map((n) => ({ nominationId: n.id, schoolId: n.schoolId, name: n.name, status: 'NOMINATED' }));
  const recordOutcomes = async (outcomes: NominationOutcome[]) => {
    const byId = new Map(outcomes.map((o) => [o.nominationId, o.status]));
    for (const n of state.nominees) n.status = byId.get(n.nominationId) ?? n.status;
    await db.setNominationOutcomes({ outcomes });
    // The case's subject lists the nominees, so officials see the ids their forms refer to.
    await db.setCaseStatus({ caseId, status: 'RUNNING', subject: { schoolYear: input.schoolYear, nominees: state.nominees.map((n) => ({ ...n })), lapsedSchools: state.lapsedSchools } });
  };
  await recordOutcomes([]);

  state.phase = 'GROUP_REVIEW';
  const groupIds = [...new Set(nominations.map((n) => n.groupId))];
  const reviews = await Promise.all(
    groupIds.map(async (groupId) => {
      const candidates = nominations.filter((n) => n.groupId === groupId).map((n) => n.id);
      const chain = await runChain({ caseId, chain: 'COMMENDATION_GROUP_REVIEW', name: `group-review-${round.groupCodes[groupId]}`, context: { districtId: input.districtId, groupId } });
      return endorsementOutcome(candidates, approvedForm(chain, 'commendation-group-review', 'GROUP_ENDORSEMENT')?.endorsed ?? []);
    }),
  );
  await recordOutcomes(reviews.flat());
  const endorsed = reviews.flat().filter((o) => o.status === 'GROUP_ENDORSED').map((o) => o.nominationId);

  let status: CommendationRoundResult['status'] = 'COMPLETED';
  if (endorsed.length > 0) {
    state.phase = 'DISTRICT_LIST';
    const chain = await runChain({ caseId, chain: 'COMMENDATION_DISTRICT_LIST', name: 'district-list', context: { districtId: input.districtId } });
    const list = chain.status === 'APPROVED' ? approvedForm(chain, 'commendation-district-list', 'DISTRICT_LIST') : undefined;
    if (!list) status = 'REJECTED';
    await recordOutcomes(districtOutcome(endorsed, list ?? { listed: [] }));
  }

  state.phase = status === 'COMPLETED' ? 'PUBLISHED' : 'CLOSED_UNPUBLISHED';
  const counts = (s: string) => state.nominees.filter((n) => n.status === s).length;
  await db.recordMilestone({
    caseId,
    key: 'published',
    comment: `区级表彰 ${counts('DISTRICT_LISTED') + counts('CITY_RECOMMENDED')} 人，推荐市级 ${counts('CITY_RECOMMENDED')} 人 / ${counts('DISTRICT_LISTED') + counts('CITY_RECOMMENDED')} commended, ${counts('CITY_RECOMMENDED')} recommended to the city`,
  });
  await db.setCaseStatus({ caseId, status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return { caseId, status, nominees: state.nominees.map((n) => ({ ...n })), lapsedSchools: [...state.lapsedSchools] };
}
