/**
 * A cadre shadow placement at a city flagship school (R-CADRE-FLAGSHIP): ORG, HR and EDU approve
 * the candidate; the placement runs from its first to its last day with a reminder before the end;
 * then EDU decides where the cadre is deployed (a chain step with a form), and the case completes.
 */
import { setHandler, setWorkflowOptions, upsertSearchAttributes, workflowInfo } from '@temporalio/workflow';
import type { CadrePlacementStatus } from '../../activities/cadre.js';
import { approvedForm, runChain } from '../approval-chain/run.js';
import { searchAttributes } from '../constants.js';
import { sendNotifications } from '../notifications/send.js';
import { runTerm } from '../secondment/term.js';
import { cadrePlacementStateQuery, type CadrePlacementInput, type CadrePlacementPhase, type CadrePlacementResult } from './messages.js';
import { localDb as db } from '../activity-options.js';
import { pinnedWhenVersioned } from '../versioning.js';

export async function cadrePlacementWorkflow(input: CadrePlacementInput): Promise<CadrePlacementResult> {
  const state: { phase: CadrePlacementPhase } = { phase: 'APPROVAL' };
  setHandler(cadrePlacementStateQuery, () => state);
  const { caseId } = input;
  const setPhase = async (status: CadrePlacementStatus) => {
    state.phase = status;
    await db.setCadrePlacementStatus({ caseId, status });
  };
  await db.openCase({
    caseId,
    workflowId: workflowInfo().workflowId,
    type: 'CADRE_PLACEMENT',
    title: input.title,
    teacherId: input.teacherId ?? null,
    initiatorId: input.initiatorId ?? null,
    subject: { candidateName: input.candidateName, category: input.category, flagshipSchool: input.flagshipSchool, startsOn: input.startsOn, endsOn: input.endsOn },
  });
  await db.saveCadrePlacement({ caseId, candidateName: input.candidateName, teacherId: input.teacherId, flagshipSchool: input.flagshipSchool, startsOn: input.startsOn, endsOn: input.endsOn });

  const context = { districtId: input.districtId };
  const approval = await runChain({ caseId, chain: 'CADRE_PLACEMENT', name: 'approval', initiatorId: input.initiatorId, context });
  if (approval.status !== 'APPROVED') {
    const status = approval.status === 'WITHDRAWN' ? 'WITHDRAWN' : 'REJECTED';
    await setPhase(status);
    return close(caseId, { caseId, status });
  }
  await setPhase('APPROVED');
  await runTerm(caseId, input, () => setPhase('ACTIVE'));
  await setPhase('AWAITING_DEPLOYMENT');

  // A form naming a school outside the district is sent back to EDU as a new round of the decision.
  for (let round = 1; ; round += 1) {
    const decision = await runChain({ caseId, chain: 'CADRE_DEPLOYMENT', name: `deployment-${round}`, context });
    const form = approvedForm(decision, 'cadre-deployment-decision', 'CADRE_DEPLOYMENT');
    if (!form) {
      // EDU decided not to deploy the cadre: the placement is over all the same.
      await setPhase('NOT_DEPLOYED');
      await db.recordMilestone({ caseId, key: 'not-deployed', comment: '区教育局决定暂不任用 / The Education Bureau decided not to deploy the cadre' });
      return close(caseId, { caseId, status: 'COMPLETED' });
    }
    const { recorded } = await db.recordCadreDeployment({ caseId, districtId: input.districtId, schoolId: form.schoolId, note: form.note });
    if (recorded) {
      state.phase = 'DEPLOYED';
      await db.recordMilestone({ caseId, key: 'deployed', comment: form.note, form });
      return close(caseId, { caseId, status: 'COMPLETED', deployedToSchoolId: form.schoolId });
    }
    await db.recordMilestone({ caseId, key: `deployment-${round}-unknown-school`, comment: '任用学校不属于本区，请重新决定 / The school named is not in the district; decide again' });
  }
}

async function close(caseId: string, result: CadrePlacementResult): Promise<CadrePlacementResult> {
  await db.setCaseStatus({ caseId, status: result.status });
  upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: result.status }]);
  await sendNotifications({ kind: 'OUTCOME', caseId, dedupeKey: `OUTCOME:${caseId}` });
  return result;
}

// It lives a placement of months: it finishes on the build it started on (Worker Deployment Versioning), and a
// release that changes it needs no patch while old builds stay deployed (README "Releasing").
setWorkflowOptions(pinnedWhenVersioned, cadrePlacementWorkflow);
