/**
 * The reusable approval chain, run as a child of every case that needs approvals: ordered steps,
 * each a single approver, a countersign (会签) or an any-of (或签); decisions approve, reject, or
 * return (退回) to the previous step or to the initiator; the initiator may withdraw before the
 * first decision. Steps remind their assignees before the deadline and, once overdue, escalate to
 * the task-force office. Times come from activities, so the workflow keeps no wall clock.
 */
import { condition, proxyActivities, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { createActivities } from '../../activities/index.js';
import { checkForm } from '../../policy/forms.js';
import { refuse } from '../refuse.js';
import { sendNotifications } from '../notifications/send.js';
import {
  assignUpdate,
  chainStateQuery,
  decideUpdate,
  Refusal,
  resubmitUpdate,
  withdrawUpdate,
  type Actor,
  type ApprovedForm,
  type Assignee,
  type ChainInput,
  type ChainSnapshot,
  type ChainStatus,
  type ChainTask,
  type DecisionInput,
} from './messages.js';
import { dbActivity, dbLocalActivity } from '../activity-options.js';

/** The chain's own bookkeeping: idempotent writes, redone harmlessly if a workflow task is retried. */
const db = proxyLocalActivities<ReturnType<typeof createActivities>>(dbLocalActivity);
/**
 * What officials did, recorded from message handlers. Regular activities run only after the
 * workflow task that accepted the message is stored, so a decision never reaches the database
 * without reaching the chain (a local activity would run even if that task were then discarded).
 */
const audit = proxyActivities<ReturnType<typeof createActivities>>(dbActivity);

type Outcome = 'APPROVED' | 'REJECTED' | 'RETURN_PREVIOUS' | 'RETURN_INITIATOR';
type Current = NonNullable<ChainSnapshot['currentStep']> & { returnTo?: 'PREVIOUS' | 'INITIATOR' };

const identityOf = (actor: Actor) => actor.onBehalfOfId ?? actor.officialId;

function routedTo(assignee: Assignee, actor: Actor, leadOnly: boolean): boolean {
  const match = assignee.unitCode ? actor.unitCode === assignee.unitCode : assignee.schoolId !== undefined && actor.schoolId === assignee.schoolId;
  return match && (!leadOnly || actor.isLead);
}

function stepOutcome(step: Current): Outcome | null {
  const statuses = step.tasks.map((t) => t.status);
  if (statuses.includes('REJECTED')) return 'REJECTED';
  if (statuses.includes('RETURNED')) return step.returnTo === 'INITIATOR' ? 'RETURN_INITIATOR' : 'RETURN_PREVIOUS';
  const approved = step.kind === 'COUNTERSIGN' ? statuses.every((s) => s === 'APPROVED') : statuses.includes('APPROVED');
  return approved ? 'APPROVED' : null;
}

export async function approvalChainWorkflow(input: ChainInput): Promise<ChainSnapshot> {
  const chainWorkflowId = workflowInfo().workflowId;
  const rounds = input.steps.map(() => 0);
  let status: ChainStatus = 'RUNNING';
  let current: Current | null = null;
  let decisions = 0;
  const forms: ApprovedForm[] = [];
  let withdrawn = false;
  let resubmitted = false;
  // One message is recorded at a time, so two officials cannot decide the same step at once.
  let busy = false;
  // Updates that move the chain answer only after the chain has moved (tickets acknowledged).
  let recorded = 0;
  let acknowledged = 0;

  const snapshot = (): ChainSnapshot => ({
    caseId: input.caseId,
    status,
    currentStep: current && { index: current.index, key: current.key, kind: current.kind, round: current.round, dueAt: current.dueAt, overdue: current.overdue, tasks: current.tasks.map((t) => ({ ...t })) },
    decisions,
    ...(forms.length ? { forms: forms.map((f) => ({ ...f })) } : {}),
  });
  const stepDefinition = () => input.steps[(current as Current).index]!;
  const openTask = (taskId: string): ChainTask => {
    if (status !== 'RUNNING') refuse(Refusal.caseClosed, 'The case is not waiting for this decision.');
    const task = current?.tasks.find((t) => t.taskId === taskId);
    if (!task || task.status !== 'PENDING' || busy) refuse(Refusal.stepNotOpen, 'This task is not waiting for a decision.');
    return task;
  };
  const mayAct = (task: ChainTask, actor: Actor) => {
    if (!routedTo(task.assignee, actor, stepDefinition().leadOnly)) refuse(Refusal.notAssigned, 'This task is not routed to you.');
    if (task.assigneeId && task.assigneeId !== identityOf(actor)) refuse(Refusal.taskClaimed, 'Another official has taken this task.');
  };
  const waitUntilMoved = async () => {
    const ticket = ++recorded;
    await condition(() => acknowledged >= ticket);
  };
  const assertInitiator = (actor: Actor) => {
    if (actor.officialId !== input.initiatorId) refuse(Refusal.notInitiator, 'Only the official who started the case may do this.');
    if (busy) refuse(Refusal.stepNotOpen, 'Another decision is being recorded.');
  };

  /** Records the initiator's act, then answers once the chain has acted on it. */
  const initiatorAct = async (event: Parameters<typeof audit.recordChainEvent>[0], apply: () => void): Promise<ChainSnapshot> => {
    busy = true;
    await audit.recordChainEvent(event);
    apply();
    busy = false;
    await waitUntilMoved();
    return snapshot();
  };

  setHandler(chainStateQuery, snapshot);

  setHandler(
    decideUpdate,
    async (decision: DecisionInput) => {
      const task = openTask(decision.taskId);
      busy = true;
      await audit.recordChainDecision({ caseId: input.caseId, taskId: task.taskId, requestId: decision.requestId, actorId: decision.actor.officialId, onBehalfOfId: decision.actor.onBehalfOfId, action: decision.action, returnTo: decision.returnTo, comment: decision.comment, form: decision.form });
      task.status = decision.action === 'APPROVE' ? 'APPROVED' : decision.action === 'REJECT' ? 'REJECTED' : 'RETURNED';
      task.decidedBy = decision.actor.officialId;
      if (decision.action === 'RETURN') (current as Current).returnTo = decision.returnTo ?? 'PREVIOUS';
      if (decision.action === 'APPROVE' && decision.form) forms.push({ stepKey: (current as Current).key, taskId: task.taskId, decidedBy: decision.actor.officialId, data: decision.form });
      decisions += 1;
      busy = false;
      // A countersign still waiting for other units stays on this step: nothing to wait for.
      if (stepOutcome(current as Current) !== null) await waitUntilMoved();
      return snapshot();
    },
    {
      validator: (decision) => {
        mayAct(openTask(decision.taskId), decision.actor);
        if (decision.action !== 'APPROVE' && !decision.comment?.trim()) refuse(Refusal.commentRequired, 'Rejecting or returning needs a comment.');
        if (decision.action === 'RETURN' && decision.returnTo === 'INITIATOR' && !input.initiatorId) refuse(Refusal.noInitiator, 'This case was opened by a schedule; return it to the previous step instead.');
        const form = stepDefinition().form;
        const formProblem = decision.action === 'APPROVE' && form ? checkForm(form, decision.form) : null;
        if (formProblem) refuse(Refusal.formInvalid, formProblem);
      },
    },
  );

  setHandler(
    withdrawUpdate,
    (request) =>
      initiatorAct({ caseId: input.caseId, kind: 'WITHDRAWN', actorId: request.actor.officialId, comment: request.comment, dedupeKey: `withdraw:${chainWorkflowId}` }, () => {
        withdrawn = true;
      }),
    {
      validator: (request) => {
        assertInitiator(request.actor);
        if (status === 'RUNNING' && decisions > 0) refuse(Refusal.withdrawTooLate, 'A decision has been made; the case can no longer be withdrawn.');
        if (status !== 'RUNNING' && status !== 'RETURNED') refuse(Refusal.caseClosed, 'The case is closed.');
      },
    },
  );

  setHandler(
    resubmitUpdate,
    (request) =>
      initiatorAct({ caseId: input.caseId, kind: 'RESUBMITTED', actorId: request.actor.officialId, comment: request.comment, dedupeKey: `resubmit:${chainWorkflowId}:${request.requestId}`, caseStatus: 'RUNNING' }, () => {
        resubmitted = true;
      }),
    {
      validator: (request) => {
        assertInitiator(request.actor);
        if (status !== 'RETURNED') refuse(Refusal.notReturned, 'The case has not been returned to you.');
      },
    },
  );

  setHandler(
    assignUpdate,
    async (request) => {
      const task = openTask(request.taskId);
      const assigneeId = request.kind === 'CLAIM' ? identityOf(request.actor) : request.kind === 'REASSIGN' ? (request.target?.officialId ?? null) : null;
      busy = true;
      await audit.assignTask({ caseId: input.caseId, taskId: task.taskId, requestId: request.requestId, actorId: request.actor.officialId, assigneeId, kind: request.kind });
      task.assigneeId = assigneeId;
      busy = false;
      return snapshot();
    },
    {
      validator: (request) => {
        const task = openTask(request.taskId);
        if (request.kind === 'CLAIM') return mayAct(task, request.actor);
        if (request.kind === 'UNCLAIM' && task.assigneeId === identityOf(request.actor)) return;
        if (!request.actor.isLead || !routedTo(task.assignee, request.actor, false)) refuse(Refusal.notUnitLead, "Only a lead of the task's unit may reassign it.");
        if (request.kind === 'REASSIGN' && (!request.target || !routedTo(task.assignee, { ...request.actor, ...request.target }, false))) {
          refuse(Refusal.targetOutsideUnit, 'The task can only go to an official of its own unit or school.');
        }
      },
    },
  );

  const notify = (kind: 'NEW_TASK' | 'REMINDER' | 'OVERDUE' | 'ESCALATION' | 'RETURNED', key: string) =>
    sendNotifications({ kind, caseId: input.caseId, taskIds: (current as Current).tasks.filter((t) => t.status === 'PENDING').map((t) => t.taskId), dedupeKey: `${kind}:${chainWorkflowId}:${key}` });

  async function runStep(index: number): Promise<Outcome | 'WITHDRAWN'> {
    const step = input.steps[index]!;
    rounds[index] = (rounds[index] ?? 0) + 1;
    const round = rounds[index]!;
    const opened = await db.openStepTasks({ caseId: input.caseId, chainWorkflowId, stepIndex: index, round, step });
    current = { index, key: step.key, kind: step.kind, round, dueAt: opened.dueAt, overdue: false, tasks: opened.tasks.map((t) => ({ ...t, assigneeId: null, status: 'PENDING' as const })) };
    acknowledged = recorded;
    const stepKey = `${index}:${round}`;
    await notify('NEW_TASK', stepKey);

    const settled = () => withdrawn || stepOutcome(current as Current) !== null;
    if (opened.msUntilReminder > 0 && !(await condition(settled, opened.msUntilReminder))) await notify('REMINDER', stepKey);
    const untilDue = opened.msUntilDue - Math.max(0, opened.msUntilReminder);
    if (!settled() && (untilDue <= 0 || !(await condition(settled, untilDue)))) {
      current.overdue = true;
      await db.markStepOverdue({ caseId: input.caseId, taskIds: current.tasks.map((t) => t.taskId) });
      await notify('OVERDUE', stepKey);
      await notify('ESCALATION', stepKey);
    }
    await condition(settled);

    const leftOpen = current.tasks.filter((t) => t.status === 'PENDING');
    if (leftOpen.length > 0) {
      await db.cancelTasks({ taskIds: leftOpen.map((t) => t.taskId) });
      for (const task of leftOpen) task.status = 'CANCELLED';
    }
    return withdrawn ? 'WITHDRAWN' : (stepOutcome(current) as Outcome);
  }

  let index = 0;
  while (status === 'RUNNING') {
    if (index >= input.steps.length) {
      status = 'APPROVED';
      break;
    }
    const outcome = await runStep(index);
    if (outcome === 'APPROVED') index += 1;
    else if (outcome === 'REJECTED') status = 'REJECTED';
    else if (outcome === 'WITHDRAWN') status = 'WITHDRAWN';
    else if (outcome === 'RETURN_PREVIOUS' && index > 0) index -= 1;
    else {
      // Returned to the initiator, who resubmits (the chain starts again) or withdraws.
      status = 'RETURNED';
      await db.recordChainEvent({ caseId: input.caseId, kind: 'RETURNED', dedupeKey: `returned:${chainWorkflowId}:${decisions}`, caseStatus: 'RETURNED' });
      await sendNotifications({ kind: 'RETURNED', caseId: input.caseId, dedupeKey: `RETURNED:${chainWorkflowId}:${decisions}` });
      current = null;
      acknowledged = recorded;
      await condition(() => withdrawn || resubmitted);
      status = withdrawn ? 'WITHDRAWN' : 'RUNNING';
      resubmitted = false;
      index = 0;
    }
  }
  current = null;
  acknowledged = recorded;
  return snapshot();
}
