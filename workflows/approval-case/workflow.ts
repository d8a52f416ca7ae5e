/**
 * A case decided by a chain of approval steps, each routed to a unit or school. A step that stays
 * open past its deadline is flagged overdue and escalated to the task-force office; the chain still
 * waits for its decision. Times come from activities (the clock of recorded side effects), so the
 * workflow itself keeps no wall clock.
 */
import {
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  upsertSearchAttributes,
} from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { searchAttributes } from '../constants.js';
import { refuse } from '../refuse.js';
import {
  caseStateQuery,
  decideUpdate,
  DecisionRefusal,
  type ApprovalCaseInput,
  type CaseOutcome,
  type CaseSnapshot,
  type DecisionInput,
  type StepSnapshot,
} from './messages.js';

const activities = proxyActivities<ReturnType<typeof createActivities>>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

function mayDecide(step: StepSnapshot, decision: DecisionInput): boolean {
  const { assignee } = step;
  const { actor } = decision;
  if (assignee.unitCode) return actor.unitCode === assignee.unitCode;
  return assignee.schoolId !== undefined && actor.schoolId === assignee.schoolId;
}

export async function approvalCaseWorkflow(input: ApprovalCaseInput): Promise<CaseSnapshot> {
  const steps: StepSnapshot[] = input.steps.map((s) => ({ key: s.key, assignee: s.assignee, state: 'WAITING', overdue: false }));
  let status: CaseOutcome = 'RUNNING';
  let currentStepIndex: number | null = null;
  // The decision being recorded, so a second concurrent one for the same step is refused.
  let decisionInFlight: string | null = null;
  let decisionsRecorded = 0;
  let decisionsApplied = 0;

  const snapshot = (): CaseSnapshot => ({ caseId: input.caseId, status, currentStepIndex, steps: steps.map((s) => ({ ...s })) });
  const currentStep = (): StepSnapshot | undefined => (currentStepIndex === null ? undefined : steps[currentStepIndex]);

  setHandler(caseStateQuery, snapshot);
  setHandler(
    decideUpdate,
    async (decision) => {
      const step = currentStep() as StepSnapshot;
      decisionInFlight = decision.requestId;
      await activities.recordDecision({
        caseId: input.caseId,
        taskId: decision.taskId,
        requestId: decision.requestId,
        actorId: decision.actor.officialId,
        action: decision.action,
        comment: decision.comment,
      });
      step.state = decision.action === 'APPROVE' ? 'APPROVED' : 'REJECTED';
      step.decidedBy = decision.actor.officialId;
      decisionInFlight = null;
      const ticket = ++decisionsRecorded;
      // Answer with the case as it stands after the chain has moved on, not halfway.
      await condition(() => decisionsApplied >= ticket);
      return snapshot();
    },
    {
      validator: (decision) => {
        const step = currentStep();
        if (status !== 'RUNNING') refuse(DecisionRefusal.caseClosed, 'The case is closed.');
        if (!step || step.state !== 'PENDING' || step.taskId !== decision.taskId || decisionInFlight) {
          refuse(DecisionRefusal.stepNotOpen, 'This step is not waiting for a decision.');
        }
        if (!mayDecide(step, decision)) refuse(DecisionRefusal.notAssigned, 'This step is not routed to you.');
        if (decision.action === 'REJECT' && !decision.comment?.trim()) {
          refuse(DecisionRefusal.commentRequired, 'A rejection needs a comment.');
        }
      },
    },
  );

  for (const [index, stepInput] of input.steps.entries()) {
    const step = steps[index] as StepSnapshot;
    currentStepIndex = index;
    const opened = await activities.openStep({
      caseId: input.caseId,
      stepIndex: index,
      stepKey: stepInput.key,
      assignee: stepInput.assignee,
      deadlineWorkingDays: stepInput.deadlineWorkingDays,
    });
    Object.assign(step, { state: 'PENDING', taskId: opened.taskId, dueAt: opened.dueAt });
    // The previous step's decision has now moved the chain on to this step.
    decisionsApplied = decisionsRecorded;

    const decidedInTime = await condition(() => step.state !== 'PENDING', opened.msUntilDue);
    if (!decidedInTime) {
      step.overdue = true;
      await activities.escalateOverdueStep({ caseId: input.caseId, taskId: opened.taskId });
      await condition(() => step.state !== 'PENDING');
    }

    if (step.state === 'REJECTED') {
      status = 'REJECTED';
    } else if (index === input.steps.length - 1) {
      status = 'APPROVED';
    }
    if (status !== 'RUNNING') {
      currentStepIndex = null;
      await activities.closeCase({ caseId: input.caseId, status });
      upsertSearchAttributes([{ key: searchAttributes.caseStatus, value: status }]);
      decisionsApplied = decisionsRecorded;
      break;
    }
  }

  await condition(allHandlersFinished);
  return snapshot();
}
