/**
 * The schedulers' API on the Temporal dev server (Schedules are not on the time-skipping server):
 * create, list, describe with expected and missed runs, pause and resume with a note, trigger, a
 * second trigger of the same school year that opens no second case, backfill, a manual run for a
 * given year, and a calendar change (R-ASSESS-ANNUAL, R-AWARD-ANNUAL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarRunsBetween } from '../../api/schedules/calendar.js';
import { schoolYearOf } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import type { CycleResult } from '../../workflows/cycles/messages.js';
import { groupAssessmentWorkflowId } from '../../workflows/group-assessment/messages.js';
import { call } from '../support/api.js';
import { eventually, removeCycles } from '../support/schedules.js';
import { startStack, type Stack, type Who } from '../support/stack.js';

let s: Stack;

beforeAll(async () => {
  s = await startStack();
});

afterAll(async () => {
  if (s) await removeCycles(s.temporal, s.db, s.org.district.id);
  await s?.close();
});

const api = (who: Who, method: string, path: string, body?: unknown) => call(s.api, method, path, { token: s.tokens[who], ...(body !== undefined ? { body } : {}) });
const assessmentCase = (schoolYear: number) => s.db.case.findUnique({ where: { workflowId: groupAssessmentWorkflowId(s.org.group.id, schoolYear) } });

describe('schedulers API', () => {
  it('only schedulers and administrators manage schedules', async () => {
    expect((await api('edu', 'GET', '/api/schedules')).status).toBe(403);
    expect((await api('eduLead', 'POST', '/api/schedules', { kind: 'GROUP_ASSESSMENT' })).status).toBe(403);
    expect((await api('scheduler', 'GET', '/api/schedules/COMMENDATION_ROUND')).body.error.code).toBe('SCHEDULE_NOT_FOUND');
  });

  it('documents its operations in /openapi.json', async () => {
    const paths = (await call(s.api, 'GET', '/openapi.json')).body.paths;
    expect(Object.keys(paths).filter((p) => p.startsWith('/api/schedules'))).toHaveLength(7);
    expect(paths['/api/schedules/{kind}/backfill'].post.parameters[0]).toMatchObject({ name: 'kind', in: 'path', schema: { enum: ['GROUP_ASSESSMENT', 'COMMENDATION_ROUND'] } });
  });

  it('R-ASSESS-ANNUAL: create, pause and resume with a note, trigger twice without a second case, backfill a missed year, see the miss, change the calendar', async () => {
    const created = await api('scheduler', 'POST', '/api/schedules', { kind: 'GROUP_ASSESSMENT', note: '每年9月开展集团考核' });
    expect(created.status).toBe(201);
    const [next] = calendarRunsBetween({ month: 9, dayOfMonth: 15, hour: 9, minute: 0 }, new Date(), new Date(Date.now() + 366 * 86_400_000), policyConfig);
    expect(created.body).toMatchObject({ kind: 'GROUP_ASSESSMENT', calendar: { month: 9, dayOfMonth: 15, hour: 9, minute: 0 }, timeZone: 'Asia/Shanghai', overlap: 'SKIP', paused: false, note: '每年9月开展集团考核' });
    expect(created.body.nextRuns[0]).toBe(next?.toISOString());
    expect(created.body.catchupWindowMs).toBe(30 * 86_400_000);
    expect((await api('admin', 'POST', '/api/schedules', { kind: 'GROUP_ASSESSMENT' })).body.error.code).toBe('SCHEDULE_EXISTS');

    const paused = await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/pause', { note: '考核方案修订中 / rules being revised' });
    expect(paused.body).toMatchObject({ paused: true, note: '考核方案修订中 / rules being revised' });
    expect((await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/resume', { note: '方案已定稿' })).body).toMatchObject({ paused: false, note: '方案已定稿' });
    expect((await api('scheduler', 'GET', '/api/schedules')).body.items.map((i: { kind: string }) => i.kind)).toEqual(['GROUP_ASSESSMENT']);

    const thisYear = schoolYearOf(new Date(), policyConfig);
    expect((await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/trigger', { requestId: randomUUID() })).status).toBe(202);
    const opened = await eventually(() => assessmentCase(thisYear), 'the triggered assessment case');
    expect(opened).toMatchObject({ type: 'GROUP_ASSESSMENT', groupId: s.org.group.id, initiatorId: null });
    const firstRun = await eventually(async () => (await api('scheduler', 'GET', '/api/schedules/GROUP_ASSESSMENT')).body.recentRuns[0]?.workflowId as string | undefined, 'the first run');
    await s.temporal.workflow.getHandle(firstRun).result();

    await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/trigger', { requestId: randomUUID() });
    const secondRun = await eventually(async () => (await api('scheduler', 'GET', '/api/schedules/GROUP_ASSESSMENT')).body.recentRuns[1]?.workflowId as string | undefined, 'the second run');
    const again: CycleResult = await s.temporal.workflow.getHandle(secondRun).result();
    expect(again).toEqual({ schoolYear: thisYear, opened: [], existing: [opened.workflowId] });
    expect(await s.db.case.count({ where: { type: 'GROUP_ASSESSMENT', groupId: s.org.group.id, workflowId: opened.workflowId } })).toBe(1);

    const badPeriod = await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/backfill', { from: '2025-10-01T00:00:00+08:00', to: '2025-09-01T00:00:00+08:00' });
    expect(badPeriod.body.error.code).toBe('BACKFILL_PERIOD_INVALID');
    const lastYear = thisYear - 1;
    const backfill = await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/backfill', { from: `${lastYear}-09-01T00:00:00+08:00`, to: `${lastYear}-10-01T00:00:00+08:00` });
    expect(backfill.status).toBe(202);
    await eventually(() => assessmentCase(lastYear), 'the backfilled assessment case');

    const since = `${thisYear - 2}-06-01T00:00:00+08:00`;
    const described = await eventually(async () => {
      const body = (await api('scheduler', 'GET', `/api/schedules/GROUP_ASSESSMENT?since=${encodeURIComponent(since)}`)).body;
      return body.recentRuns.length === 3 && body;
    }, 'three runs');
    expect(described.expectedRuns).toEqual([
      { scheduledAt: `${thisYear - 2}-09-15T01:00:00.000Z`, schoolYear: thisYear - 2, ran: false },
      { scheduledAt: `${lastYear}-09-15T01:00:00.000Z`, schoolYear: lastYear, ran: true },
      { scheduledAt: `${thisYear}-09-15T01:00:00.000Z`, schoolYear: thisYear, ran: true },
    ]);
    expect(described.missedRuns).toEqual([`${thisYear - 2}-09-15T01:00:00.000Z`]);
    expect(described.recentRuns[2].scheduledAt).toBe(`${lastYear}-09-15T01:00:00.000Z`);

    const manual = await api('scheduler', 'POST', '/api/schedules/GROUP_ASSESSMENT/trigger', { requestId: randomUUID(), schoolYear: thisYear - 2 });
    expect(manual.status).toBe(202);
    await eventually(() => assessmentCase(thisYear - 2), 'the manual run for a given year');

    const moved = await api('scheduler', 'PUT', '/api/schedules/GROUP_ASSESSMENT/calendar', { calendar: { month: 10, dayOfMonth: 8, hour: 8, minute: 30 } });
    const [nextMoved] = calendarRunsBetween({ month: 10, dayOfMonth: 8, hour: 8, minute: 30 }, new Date(), new Date(Date.now() + 366 * 86_400_000), policyConfig);
    expect(moved.body).toMatchObject({ calendar: { month: 10, dayOfMonth: 8, hour: 8, minute: 30 }, timeZone: 'Asia/Shanghai', note: '方案已定稿' });
    expect(moved.body.nextRuns[0]).toBe(nextMoved?.toISOString());
    expect((await api('scheduler', 'PUT', '/api/schedules/GROUP_ASSESSMENT/calendar', { calendar: { month: 2, dayOfMonth: 30, hour: 8, minute: 0 } })).status).toBe(400);
  });
});
