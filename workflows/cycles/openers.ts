/**
 * What each cycle kind opens for a school year: one case per tight group, or one for the
 * district. Each opener names the deterministic workflow id of its case, so a cycle run twice for
 * the same year finds the case it opened before.
 *
 * To add ROTATION_PLANS (after adding it to CYCLE_KINDS and cycleScheduling in messages.ts):
 *   ROTATION_PLANS: { per: 'GROUP', caseType: 'ROTATION_PLAN', workflowId: rotationPlanWorkflowId,
 *     start: (id, schoolYear, options) => startChild(rotationPlanWorkflow, { ...options, args: [{ groupId: id, schoolYear }] }) },
 */
import { startChild, type ChildWorkflowOptions } from '@temporalio/workflow';
import type { CaseTypeCode } from '../../policy/case-types.js';
import { commendationRoundWorkflowId } from '../commendation-round/messages.js';
import { commendationRoundWorkflow } from '../commendation-round/workflow.js';
import { groupAssessmentWorkflowId } from '../group-assessment/messages.js';
import { groupAssessmentWorkflow } from '../group-assessment/workflow.js';
import type { CycleKind } from './messages.js';

export type StartOptions = Omit<ChildWorkflowOptions, 'args' | 'typeInfo'> & { workflowId: string };

export interface CycleOpener {
  /** GROUP: one case per tight group of the district (ids of groups); DISTRICT: one case (the district's id). */
  per: 'GROUP' | 'DISTRICT';
  caseType: CaseTypeCode;
  workflowId(targetId: string, schoolYear: number): string;
  start(targetId: string, schoolYear: number, options: StartOptions): Promise<unknown>;
}

export const cycleOpeners: Record<CycleKind, CycleOpener> = {
  GROUP_ASSESSMENT: {
    per: 'GROUP',
    caseType: 'GROUP_ASSESSMENT',
    workflowId: groupAssessmentWorkflowId,
    start: (groupId, schoolYear, options) => startChild(groupAssessmentWorkflow, { ...options, args: [{ groupId, schoolYear }] }),
  },
  COMMENDATION_ROUND: {
    per: 'DISTRICT',
    caseType: 'COMMENDATION_ROUND',
    workflowId: commendationRoundWorkflowId,
    start: (districtId, schoolYear, options) => startChild(commendationRoundWorkflow, { ...options, args: [{ districtId, schoolYear }] }),
  },
};
