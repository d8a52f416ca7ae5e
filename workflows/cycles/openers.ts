/**
 * What each cycle kind opens for a school year: one case per tight group, or one for the
 * district. Each opener names the deterministic workflow id of its case, so a cycle run twice for
 * the same year finds the case it opened before.
 */
import { startChild, type ChildWorkflowOptions } from '@temporalio/workflow';
import type { CaseTypeCode } from '../../policy/case-types.js';
import { commendationRoundWorkflowId } from '../commendation-round/messages.js';
import { commendationRoundWorkflow } from '../commendation-round/workflow.js';
import { groupAssessmentWorkflowId } from '../group-assessment/messages.js';
import { groupAssessmentWorkflow } from '../group-assessment/workflow.js';
import { rotationPlanWorkflowId } from '../rotation-plan/messages.js';
import { rotationPlanWorkflow } from '../rotation-plan/workflow.js';
import type { CycleKind } from './messages.js';

export type StartOptions = Omit<ChildWorkflowOptions, 'args' | 'typeInfo'> & { workflowId: string };

export interface CycleOpener {
  /** GROUP: one case per tight group of the district (ids of groups); DISTRICT: one case (the district's id). */
  per: 'GROUP' | 'DISTRICT';
  caseType: CaseTypeCode;
  /** A scheduled run opens the cases of the school year this many years after the one it runs in. */
  yearsAhead: number;
  workflowId(targetId: string, schoolYear: number): string;
  start(targetId: string, schoolYear: number, options: StartOptions): Promise<unknown>;
}

export const cycleOpeners: Record<CycleKind, CycleOpener> = {
  GROUP_ASSESSMENT: {
    per: 'GROUP',
    caseType: 'GROUP_ASSESSMENT',
    yearsAhead: 0,
    workflowId: groupAssessmentWorkflowId,
    start: (groupId, schoolYear, options) => startChild(groupAssessmentWorkflow, { ...options, args: [{ groupId, schoolYear }] }),
  },
  COMMENDATION_ROUND: {
    per: 'DISTRICT',
    caseType: 'COMMENDATION_ROUND',
    yearsAhead: 0,
    workflowId: commendationRoundWorkflowId,
    start: (districtId, schoolYear, options) => startChild(commendationRoundWorkflow, { ...options, args: [{ districtId, schoolYear }] }),
  },
  ROTATION_PLANS: {
    per: 'GROUP',
    caseType: 'ROTATION_PLAN',
    yearsAhead: 1,
    workflowId: rotationPlanWorkflowId,
    start: (groupId, schoolYear, options) => startChild(rotationPlanWorkflow, { ...options, args: [{ groupId, schoolYear }] }),
  },
};
