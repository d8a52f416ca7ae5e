/**
 * One run of a yearly cycle, started by a Temporal Schedule (or by hand for a given year): opens
 * the cases of its kind for the school year — every tight group's assessment (R-ASSESS-ANNUAL) or
 * the district's commendation round (R-AWARD-ANNUAL) — and ends. The cases outlive it. Running it
 * again for the same year opens nothing new: each case has a deterministic workflow id, checked
 * against the case rows and refused by Temporal as a duplicate.
 */
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import { ParentClosePolicy, workflowInfo, WorkflowIdReusePolicy } from '@temporalio/workflow';
import { policyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import { searchAttributes } from '../constants.js';
import { scheduledStartTime, type CycleInput, type CycleResult } from './messages.js';
import { cycleOpeners } from './openers.js';
import { localDb as db } from '../activity-options.js';

/**
 * The year asked for; else the school year of the scheduled time (not of a late start after an
 * outage), moved on by the cycles that plan ahead.
 */
async function schoolYearOfRun(input: CycleInput): Promise<number> {
  if (input.schoolYear !== undefined) return input.schoolYear;
  const scheduledAt = workflowInfo().typedSearchAttributes.get(scheduledStartTime);
  // The school year's start and the time zone are the calendar's and the same in every policy version (policyConfigSchema).
  const runYear = scheduledAt ? schoolYearOf(scheduledAt, policyConfig) : await db.currentSchoolYear();
  return runYear + cycleOpeners[input.kind].yearsAhead;
}

export async function annualCycleWorkflow(input: CycleInput): Promise<CycleResult> {
  const schoolYear = await schoolYearOfRun(input);
  const opener = cycleOpeners[input.kind];
  const targets = opener.per === 'GROUP' ? await db.tightGroupsOf({ districtId: input.districtId }) : [{ id: input.districtId, code: null }];
  const planned = targets.map((t) => ({ ...t, workflowId: opener.workflowId(t.id, schoolYear) }));
  const existing = new Set(await db.openedCaseWorkflowIds({ workflowIds: planned.map((p) => p.workflowId) }));
  const opened: string[] = [];

  // All starts in one workflow task: a district of 40 groups opens its year at once.
  await Promise.all(
    planned
      .filter((p) => !existing.has(p.workflowId))
      .map(async (target) => {
        try {
          await opener.start(target.id, schoolYear, {
            workflowId: target.workflowId,
            // The case lives on when the cycle run ends.
            parentClosePolicy: ParentClosePolicy.ABANDON,
            workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
            typedSearchAttributes: [
              { key: searchAttributes.caseType, value: opener.caseType },
              { key: searchAttributes.caseStatus, value: 'RUNNING' },
              ...(target.code ? [{ key: searchAttributes.groupCode, value: target.code }] : []),
            ],
          });
          opened.push(target.workflowId);
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
          existing.add(target.workflowId);
        }
      }),
  );
  return { schoolYear, opened: planned.map((p) => p.workflowId).filter((id) => opened.includes(id)), existing: planned.map((p) => p.workflowId).filter((id) => existing.has(id)) };
}
