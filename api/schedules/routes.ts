/**
 * The schedulers' API over Temporal Schedules, one per yearly cycle kind and district (R-ASSESS-ANNUAL,
 * R-AWARD-ANNUAL): create, list, describe (next and recent runs, misses), pause and resume with a
 * note, trigger now or for a given school year, backfill a missed period, change the calendar.
 * Only schedulers and administrators; each manages the schedules of their own district.
 */
import { Router } from 'express';
import { ScheduleAlreadyRunning, ScheduleNotFoundError, WorkflowExecutionAlreadyStartedError, type Client, type ScheduleDescription, type ScheduleHandle } from '@temporalio/client';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import { TASK_QUEUE } from '../../workflows/constants.js';
import { cycleScheduleId, cycleScheduling, cycleWorkflowId, CYCLE_KINDS, type CycleCalendar, type CycleKind } from '../../workflows/cycles/messages.js';
import { annualCycleWorkflow } from '../../workflows/cycles/workflow.js';
import { currentOfficial } from '../auth/sessions.js';
import { mayManageSchedules } from '../authorization.js';
import { DomainError } from '../errors.js';
import { calendarRunsBetween, compareRuns } from './calendar.js';
import { backfillBody, calendarUpdateBody, createScheduleBody, describeQuery, kindParam, noteBody, triggerBody } from './schemas.js';

export interface ScheduleRoutesDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  taskQueue?: string;
}

const TIME_ZONE = 'Asia/Shanghai';
const MONTHS = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'OCTOBER', 'NOVEMBER', 'DECEMBER'] as const;

const specOf = (calendar: CycleCalendar) => ({
  calendars: [{ month: MONTHS[calendar.month - 1]!, dayOfMonth: calendar.dayOfMonth, hour: calendar.hour, minute: calendar.minute, comment: 'yearly cycle' }],
  timezone: TIME_ZONE,
});

function calendarOf(description: ScheduleDescription): CycleCalendar | null {
  const c = description.spec.calendars?.[0];
  if (!c?.month[0] || !c.dayOfMonth[0] || !c.hour[0] || !c.minute[0]) return null;
  return { month: MONTHS.indexOf(c.month[0].start) + 1, dayOfMonth: c.dayOfMonth[0].start, hour: c.hour[0].start, minute: c.minute[0].start };
}

async function notFoundAsDomain<T>(call: Promise<T>): Promise<T> {
  try {
    return await call;
  } catch (err) {
    if (err instanceof ScheduleNotFoundError) throw new DomainError('SCHEDULE_NOT_FOUND');
    throw err;
  }
}

export function scheduleRoutes({ db, temporal, config, taskQueue = TASK_QUEUE }: ScheduleRoutesDeps): Router {
  const router = Router();

  /** The scheduler's district, through their unit or school; others are refused. */
  async function districtOf(res: Parameters<typeof currentOfficial>[0]): Promise<string> {
    const me = currentOfficial(res);
    if (!mayManageSchedules(me)) throw new DomainError('FORBIDDEN');
    const place = me.unitId ? await db.unit.findUnique({ where: { id: me.unitId } }) : me.schoolId ? await db.school.findUnique({ where: { id: me.schoolId } }) : null;
    if (!place) throw new DomainError('NO_DISTRICT');
    return place.districtId;
  }

  const handleOf = (kind: CycleKind, districtId: string): ScheduleHandle => temporal.schedule.getHandle(cycleScheduleId(kind, districtId));

  async function view(kind: CycleKind, districtId: string, since?: Date) {
    const description = await notFoundAsDomain(handleOf(kind, districtId).describe());
    const calendar = calendarOf(description);
    const from = since ?? description.info.createdAt;
    const expected = calendar ? compareRuns(calendarRunsBetween(calendar, from, new Date(), config), description.info.recentActions, config) : [];
    return {
      scheduleId: description.scheduleId,
      kind,
      calendar,
      timeZone: description.spec.timezone ?? TIME_ZONE,
      paused: description.state.paused,
      note: description.state.note ?? null,
      overlap: description.policies.overlap,
      catchupWindowMs: description.policies.catchupWindow,
      createdAt: description.info.createdAt.toISOString(),
      nextRuns: description.info.nextActionTimes.map((d) => d.toISOString()),
      recentRuns: description.info.recentActions.map((a) => ({ scheduledAt: a.scheduledAt.toISOString(), takenAt: a.takenAt.toISOString(), workflowId: a.action.workflow.workflowId })),
      runningRuns: description.info.runningActions.map((a) => a.workflow.workflowId),
      /** Temporal's own counters of runs it dropped. */
      missedCatchupWindow: description.info.numActionsMissedCatchupWindow,
      skippedOverlap: description.info.numActionsSkippedOverlap,
      expectedRuns: expected,
      missedRuns: expected.filter((r) => !r.ran).map((r) => r.scheduledAt),
    };
  }

  router.get('/schedules', async (_req, res) => {
    const districtId = await districtOf(res);
    const items = [];
    for (const kind of CYCLE_KINDS) {
      const found = await view(kind, districtId).catch((err: unknown) => {
        if (err instanceof DomainError && err.code === 'SCHEDULE_NOT_FOUND') return null;
        throw err;
      });
      if (found) items.push(found);
    }
    res.json({ items });
  });

  router.post('/schedules', async (req, res) => {
    const districtId = await districtOf(res);
    const body = createScheduleBody.parse(req.body);
    const scheduling = cycleScheduling[body.kind];
    try {
      await temporal.schedule.create({
        scheduleId: cycleScheduleId(body.kind, districtId),
        spec: specOf(body.calendar ?? scheduling.defaultCalendar),
        action: { type: 'startWorkflow', workflowType: annualCycleWorkflow, workflowId: cycleWorkflowId(body.kind, districtId), taskQueue, args: [{ kind: body.kind, districtId }] },
        policies: { overlap: scheduling.overlap, catchupWindow: scheduling.catchupWindow },
        state: { paused: body.paused, ...(body.note ? { note: body.note } : {}) },
      });
    } catch (err) {
      if (err instanceof ScheduleAlreadyRunning) throw new DomainError('SCHEDULE_EXISTS');
      throw err;
    }
    res.status(201).json(await view(body.kind, districtId));
  });

  router.get('/schedules/:kind', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const { since } = describeQuery.parse(req.query);
    res.json(await view(kind, districtId, since ? new Date(since) : undefined));
  });

  router.post('/schedules/:kind/pause', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const { note } = noteBody.parse(req.body);
    await notFoundAsDomain(handleOf(kind, districtId).pause(note));
    res.json(await view(kind, districtId));
  });

  router.post('/schedules/:kind/resume', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const { note } = noteBody.parse(req.body);
    await notFoundAsDomain(handleOf(kind, districtId).unpause(note));
    res.json(await view(kind, districtId));
  });

  /** Now (the school year of this moment), or for an explicit school year outside the schedule. */
  router.post('/schedules/:kind/trigger', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const body = triggerBody.parse(req.body);
    if (body.schoolYear === undefined) {
      await notFoundAsDomain(handleOf(kind, districtId).trigger());
      res.status(202).json({ triggered: true });
      return;
    }
    await notFoundAsDomain(handleOf(kind, districtId).describe());
    const workflowId = `${cycleWorkflowId(kind, districtId)}:manual:${body.requestId}`;
    await temporal.workflow
      .start(annualCycleWorkflow, { taskQueue, workflowId, args: [{ kind, districtId, schoolYear: body.schoolYear }] })
      .catch((err: unknown) => {
        // The same request again: the run it started stands.
        if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
      });
    res.status(202).json({ triggered: true, workflowId });
  });

  /** Runs every scheduled time in the period as if it had fired then (each takes its own school year). */
  router.post('/schedules/:kind/backfill', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const body = backfillBody.parse(req.body);
    const [start, end] = [new Date(body.from), new Date(body.to)];
    if (start >= end || end > new Date()) throw new DomainError('BACKFILL_PERIOD_INVALID');
    await notFoundAsDomain(handleOf(kind, districtId).backfill({ start, end, overlap: 'ALLOW_ALL' }));
    res.status(202).json({ backfilled: { from: start.toISOString(), to: end.toISOString() } });
  });

  router.put('/schedules/:kind/calendar', async (req, res) => {
    const districtId = await districtOf(res);
    const { kind } = kindParam.parse(req.params);
    const { calendar } = calendarUpdateBody.parse(req.body);
    await notFoundAsDomain(handleOf(kind, districtId).update((previous) => ({ ...previous, spec: specOf(calendar) })));
    res.json(await view(kind, districtId));
  });

  return router;
}
