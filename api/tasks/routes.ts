/** Tasks: my inbox, what I decided, and the messages on one task (decide, claim, unclaim, reassign). */
import { Router } from 'express';
import { WorkflowUpdateFailedError, WorkflowUpdateStage, type Client } from '@temporalio/client';
import { CHAIN_CASE_TYPES } from '../../policy/approval-chains.js';
import { checkForm, isFormKind } from '../../policy/forms.js';
import type { Db } from '../../prisma/client.js';
import { assignUpdate, decideUpdate, type AssignmentInput, type DecisionInput } from '../../workflows/approval-chain/messages.js';
import { actorFor, identitiesOf, identityForTask, tasksFor } from '../access.js';
import { currentOfficial, type CurrentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';
import { claimBody, decisionBody, decisionQuery, idParam, inboxQuery, pageQuery, reassignBody } from '../schemas.js';
import { claimRequestId } from '../request-ids.js';
import { toDomainError } from '../temporal-errors.js';
import { callWorkflow } from '../workflow-call.js';
import { TASK_QUEUE } from '../../workflows/constants.js';

export interface TaskRoutesDeps {
  db: Db;
  temporal: Client;
  decisionTimeoutMs: number;
  taskQueue?: string;
}

const DECISION_KINDS = ['APPROVED', 'REJECTED', 'RETURNED'] as const;
/** Cases that close when their one chain ends (the long-running cases go on to their next phase). */
const isChainCase = (type: string) => (CHAIN_CASE_TYPES as readonly string[]).includes(type);

export function taskRoutes({ db, temporal, decisionTimeoutMs, taskQueue = TASK_QUEUE }: TaskRoutesDeps): Router {
  const router = Router();

  router.get('/inbox', async (req, res) => {
    const me = currentOfficial(res);
    const q = inboxQuery.parse(req.query);
    const identities = await identitiesOf(db, me);
    const where = {
      state: 'PENDING' as const,
      OR: identities.map(tasksFor),
      ...(q.overdue !== undefined ? { overdue: q.overdue } : {}),
      case: { ...(q.caseType ? { type: q.caseType } : {}), ...(q.groupId ? { groupId: q.groupId } : {}), ...(q.schoolId ? { schoolId: q.schoolId } : {}) },
    };
    const [total, tasks] = await Promise.all([
      db.approvalTask.count({ where }),
      db.approvalTask.findMany({
        where,
        orderBy: [{ dueAt: q.sort === 'dueAt' ? 'asc' : 'desc' }, { id: 'asc' }],
        skip: q.offset,
        take: q.limit,
        include: {
          case: { select: { id: true, title: true, type: true, status: true, workflowId: true, school: { select: { code: true, name: true } }, group: { select: { code: true, name: true } } } },
          unit: { select: { code: true, name: true } },
          school: { select: { code: true, name: true } },
        },
      }),
    ]);
    // Countersign progress: how many of the step's tasks are decided.
    const siblings = await db.approvalTask.findMany({ where: { chainWorkflowId: { in: tasks.flatMap((t) => (t.chainWorkflowId && t.stepKind === 'COUNTERSIGN' ? [t.chainWorkflowId] : [])) }, stepKind: 'COUNTERSIGN' }, select: { chainWorkflowId: true, stepIndex: true, round: true, state: true, unit: { select: { code: true } } } });
    const items = tasks.map((t) => {
      const delegatedFrom = identityForTask(identities, t);
      const step = siblings.filter((s) => s.chainWorkflowId === t.chainWorkflowId && s.stepIndex === t.stepIndex && s.round === t.round);
      return {
        ...t,
        actingFor: delegatedFrom && delegatedFrom.officialId !== me.id ? delegatedFrom.officialId : null,
        countersign: step.length ? step.map((s) => ({ unit: s.unit?.code ?? null, state: s.state })) : null,
      };
    });
    res.json({ total, items });
  });

  router.get('/tasks/decided', async (req, res) => {
    const me = currentOfficial(res);
    const { limit, offset } = pageQuery.parse(req.query);
    const where = { actorId: me.id, kind: { in: [...DECISION_KINDS] }, taskId: { not: null } };
    const [total, events] = await Promise.all([
      db.caseEvent.count({ where }),
      db.caseEvent.findMany({ where, orderBy: { at: 'desc' }, skip: offset, take: limit, include: { task: { select: { id: true, stepKey: true } }, case: { select: { id: true, title: true, type: true, status: true } } } }),
    ]);
    res.json({ total, items: events.map((e) => ({ decision: e.kind, comment: e.comment, at: e.at, onBehalfOfId: e.onBehalfOfId, task: e.task, case: e.case })) });
  });

  async function taskForMe(me: CurrentOfficial, params: unknown) {
    const { id } = idParam.parse(params);
    const [task, identities] = await Promise.all([db.approvalTask.findUnique({ where: { id }, include: { case: true } }), identitiesOf(db, me)]);
    if (!task) throw new DomainError('NOT_FOUND');
    const identity = identityForTask(identities, task) ?? identityForTask(identities, { ...task, assigneeId: null });
    if (!identity) throw new DomainError('NOT_ASSIGNED');
    return { task, identity };
  }

  router.post('/tasks/:id/decision', async (req, res) => {
    const me = currentOfficial(res);
    const body = decisionBody.parse(req.body);
    const { task, identity } = await taskForMe(me, req.params);
    await claimRequestId(db, { requestId: body.requestId, kind: 'DECISION', subjectId: task.id, officialId: me.id, asked: { action: body.action, returnTo: body.returnTo, comment: body.comment, form: body.form } });
    const closed = task.case.status !== 'RUNNING' && task.case.status !== 'RETURNED';
    // Only a closed case needs the record: a repeat there answers from it, anything else is refused.
    const applied = closed && (await db.caseEvent.count({ where: { dedupeKey: `decision:${task.caseId}:${body.requestId}` } })) > 0;
    if (closed && !applied) throw new DomainError('CASE_CLOSED');
    const actor = actorFor(me, identity);
    const formProblem = body.action === 'APPROVE' && task.formKind && isFormKind(task.formKind) ? checkForm(task.formKind, body.form) : null;
    if (formProblem) throw new DomainError('FORM_INVALID', { reason: formProblem });
    const { wait } = decisionQuery.parse(req.query);
    const caseState = () => db.case.findUniqueOrThrow({ where: { id: task.caseId }, select: { id: true, status: true, workflowId: true } });
    /**
     * After the chain's last approval or a rejection, the case workflow closes the case row a
     * moment later: wait for it (within the decision timeout) so the answer shows the case closed.
     */
    const caseAfter = async (chainStatus: string, answerBy: number) => {
      let state = await caseState();
      while ((chainStatus === 'APPROVED' || chainStatus === 'REJECTED') && state.status === 'RUNNING' && isChainCase(task.case.type) && Date.now() < answerBy) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        state = await caseState();
      }
      return state;
    };
    // A repeat of a decision already applied to a chain that has since finished answers from the record.
    if (applied && closed) {
      res.json({ case: await caseState(), chain: null });
      return;
    }
    // Every task is opened by an approval chain; one without a chain has no step to decide.
    if (!task.chainWorkflowId) throw new DomainError('STEP_NOT_OPEN');
    const chain = temporal.workflow.getHandle(task.chainWorkflowId);
    const options = { updateId: body.requestId, args: [{ ...body, taskId: task.id, actor }] as [DecisionInput] };
    if (wait) {
      const answerBy = Date.now() + decisionTimeoutMs;
      const snapshot = await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () => chain.executeUpdate(decideUpdate, options));
      res.json({ case: await caseAfter(snapshot.status, answerBy), chain: snapshot });
      return;
    }
    // Accepted means validated and stored in the case's history: the chain applies it even if this process dies now.
    const handle = await callWorkflow(temporal, taskQueue, decisionTimeoutMs, () => chain.startUpdate(decideUpdate, { ...options, waitForStage: WorkflowUpdateStage.ACCEPTED }));
    // A validator's refusal comes back as an update already completed with its failure, not as an
    // error of startUpdate: read that outcome (known, so no call is made) before answering 202.
    // An accepted update's outcome is not known yet: its poll is cut short at once and ignored.
    const refused = await temporal.withDeadline(Date.now() + 50, () => handle.result()).then(
      () => undefined,
      (err: unknown) => (err instanceof WorkflowUpdateFailedError ? err : undefined),
    );
    if (refused) throw toDomainError(refused);
    res.status(202).json({ requestId: body.requestId, accepted: true, case: { id: task.caseId, status: task.case.status, workflowId: task.case.workflowId } });
  });

  async function assign(req: { params: unknown }, me: CurrentOfficial, requestId: string, kind: AssignmentInput['kind'], target?: AssignmentInput['target']) {
    const { task, identity } = await taskForMe(me, req.params);
    if (!task.chainWorkflowId) throw new DomainError('STEP_NOT_OPEN');
    await claimRequestId(db, { requestId, kind: 'ASSIGN', subjectId: task.id, officialId: me.id, asked: { kind, target: target?.officialId } });
    const chain = await callWorkflow<unknown>(temporal, taskQueue, decisionTimeoutMs, () =>
      temporal.workflow.getHandle(task.chainWorkflowId as string).executeUpdate(assignUpdate, { updateId: requestId, args: [{ requestId, taskId: task.id, kind, target, actor: actorFor(me, identity) }] }),
    );
    return { taskId: task.id, chain };
  }

  router.post('/tasks/:id/claim', async (req, res) => {
    const me = currentOfficial(res);
    res.json(await assign(req, me, claimBody.parse(req.body).requestId, 'CLAIM'));
  });

  router.post('/tasks/:id/unclaim', async (req, res) => {
    const me = currentOfficial(res);
    res.json(await assign(req, me, claimBody.parse(req.body).requestId, 'UNCLAIM'));
  });

  router.post('/tasks/:id/reassign', async (req, res) => {
    const me = currentOfficial(res);
    const body = reassignBody.parse(req.body);
    const target = await db.official.findUnique({ where: { id: body.officialId }, include: { unit: true } });
    if (!target || !target.active) throw new DomainError('TARGET_OUTSIDE_UNIT');
    res.json(await assign(req, me, body.requestId, 'REASSIGN', { officialId: target.id, unitCode: target.unit?.code ?? null, schoolId: target.schoolId }));
  });

  return router;
}
