/**
 * The working-day calendar as data the bureau maintains (issue 14 point 1, RULES.md "Dates"):
 * read by everyone, entered or corrected by EDU administrators (JSON or a CSV import), checked
 * before anything is saved, audited, its coverage shown in /readyz and /metrics, and every save
 * starting the recount of open deadlines. Uses years no other test counts deadlines in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarCoverage } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { createCalendarStore, DATASET_SOURCE } from '../../prisma/calendar.js';
import { call, login } from '../support/api.js';
import { startStack, type Stack } from '../support/stack.js';

const YEAR = 2041;
let s: Stack;
let eduAdmin: string;
let eduAdminId: string;

beforeAll(async () => {
  s = await startStack();
  const template = await s.db.official.findUniqueOrThrow({ where: { id: s.org.officials.edu.id } });
  const admin = await s.db.official.create({ data: { login: `edu-admin-${s.org.tag}`, displayName: '教育局管理员', email: `edu-admin-${s.org.tag}@test.local`, passwordHash: template.passwordHash, roles: ['ADMIN'], unitId: s.org.units.edu.id } });
  eduAdminId = admin.id;
  eduAdmin = await login(s.api, admin.login);
});

afterAll(async () => {
  await s?.db.calendarYear.deleteMany({ where: { year: { in: [YEAR, YEAR + 1] } } });
  await s?.close();
});

const putCsv = async (token: string, year: number, csv: string) => {
  const response = await fetch(`${s.api.url}/api/calendar/years/${year}`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' }, body: csv });
  return { status: response.status, body: (await response.json()) as any };
};

describe('the working-day calendar API', () => {
  it('shows every official how far the calendar reaches, seeded from the maintained dataset (2026 and before)', async () => {
    // Arrange
    const expected = calendarCoverage(new Date(), await createCalendarStore(s.db, policyConfig.utcOffsetMinutes).load(), policyConfig.utcOffsetMinutes);

    // Act
    const overview = await call(s.api, 'GET', '/api/calendar', { token: s.tokens.member });
    const year2026 = await call(s.api, 'GET', '/api/calendar/years/2026', { token: s.tokens.member });

    // Assert
    expect(overview.status).toBe(200);
    expect(overview.body.coverage).toEqual(expected);
    expect(overview.body.years.find((y: { year: number }) => y.year === 2026)).toMatchObject({ source: DATASET_SOURCE, holidays: 33, workingDays: 6, updatedBy: null });
    expect(year2026.body.days).toContainEqual({ date: '2026-02-17', kind: 'HOLIDAY', name: '春节' });
    expect(year2026.body.days).toContainEqual({ date: '2026-10-10', kind: 'WORKING_DAY', name: '国庆节' });
  });

  it('lets only EDU administrators change it', async () => {
    const body = { days: [{ date: `${YEAR}-01-01`, kind: 'HOLIDAY', name: '元旦' }] };
    for (const who of ['admin', 'edu', 'eduLead', 'scheduler', 'member'] as const) {
      const refused = await call(s.api, 'PUT', `/api/calendar/years/${YEAR}`, { token: s.tokens[who], body });
      expect([who, refused.status, refused.body.error.code]).toEqual([who, 403, 'FORBIDDEN']);
    }
    expect((await call(s.api, 'GET', `/api/calendar/years/${YEAR}`, { token: s.tokens.member })).body).toEqual({ year: YEAR, covered: false, source: null, days: [] });
  });

  it('refuses a wrong list with every problem named, and saves nothing of it', async () => {
    // Act: 2041-01-07 is a Monday, so it cannot be a swapped working day.
    const refused = await putCsv(eduAdmin, YEAR, ['date,kind,name', `${YEAR}-01-01,休,元旦`, `${YEAR}-01-01,休,元旦`, `${YEAR + 1}-01-01,休,元旦`, `${YEAR}-02-30,休,春节`, `${YEAR}-01-07,班,春节`].join('\n'));

    // Assert
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('CALENDAR_INVALID');
    expect(refused.body.error.details.problems).toEqual([
      { index: 1, date: `${YEAR}-01-01`, code: 'DATE_REPEATED' },
      { index: 2, date: `${YEAR + 1}-01-01`, code: 'DATE_OUTSIDE_YEAR' },
      { index: 3, date: `${YEAR}-02-30`, code: 'DATE_INVALID' },
      { index: 4, date: `${YEAR}-01-07`, code: 'WORKING_DAY_NOT_WEEKEND' },
    ]);
    expect((await s.db.calendarYear.count({ where: { year: YEAR } })) + (await s.db.calendarDay.count({ where: { year: YEAR } }))).toBe(0);
    const noHoliday = await call(s.api, 'PUT', `/api/calendar/years/${YEAR}`, { token: eduAdmin, body: { days: [] } });
    expect([noHoliday.status, noHoliday.body.error.details.problems]).toEqual([422, [{ index: -1, date: '', code: 'HOLIDAY_MISSING' }]]);
    const control = await call(s.api, 'PUT', `/api/calendar/years/${YEAR}`, { token: eduAdmin, body: { days: [{ date: `${YEAR}-01-01`, kind: 'HOLIDAY', name: '元\u0000旦' }] } });
    expect([control.status, control.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });

  it('imports a year from CSV, replaces it on a second import, audits both and recounts open deadlines each time', async () => {
    // Act
    const first = await putCsv(eduAdmin, YEAR, `\uFEFFdate,kind,name\n${YEAR}-01-01,休,元旦\n${YEAR}-02-01,休,春节\n${YEAR}-02-02,班,春节\n`);
    const second = await putCsv(eduAdmin, YEAR, `${YEAR}-01-01,HOLIDAY,元旦\n${YEAR}-01-26,WORKING_DAY,春节\n${YEAR}-02-01,HOLIDAY,春节\n${YEAR}-02-04,HOLIDAY,春节\n`);

    // Assert
    expect(first).toMatchObject({ status: 200, body: { year: YEAR, holidays: 2, workingDays: 1 } });
    expect(second).toMatchObject({ status: 200, body: { year: YEAR, holidays: 3, workingDays: 1 } });
    const stored = await call(s.api, 'GET', `/api/calendar/years/${YEAR}`, { token: s.tokens.member });
    expect(stored.body).toEqual({
      year: YEAR,
      covered: true,
      source: 'IMPORT',
      days: [
        { date: `${YEAR}-01-01`, kind: 'HOLIDAY', name: '元旦' },
        { date: `${YEAR}-01-26`, kind: 'WORKING_DAY', name: '春节' },
        { date: `${YEAR}-02-01`, kind: 'HOLIDAY', name: '春节' },
        { date: `${YEAR}-02-04`, kind: 'HOLIDAY', name: '春节' },
      ],
    });
    const audits = await s.db.auditLog.findMany({ where: { actorId: eduAdminId, action: 'CALENDAR_YEAR_SAVED' }, orderBy: { at: 'asc' } });
    expect(audits.map((a) => a.details)).toEqual([
      { year: YEAR, source: 'IMPORT', daysBefore: 0, holidays: 2, workingDays: 1 },
      { year: YEAR, source: 'IMPORT', daysBefore: 3, holidays: 3, workingDays: 1 },
    ]);
    for (const saved of [first, second]) {
      expect(await s.temporal.workflow.getHandle(saved.body.recountWorkflowId).result()).toEqual({ steps: expect.any(Number), moved: expect.any(Number) });
    }
    const overview = await call(s.api, 'GET', '/api/calendar', { token: eduAdmin });
    expect(overview.body.years.find((y: { year: number }) => y.year === YEAR)).toMatchObject({ source: 'IMPORT', holidays: 3, workingDays: 1, updatedBy: '教育局管理员' });
  });

  it('takes a JSON list too, and shows the reach of the calendar to an operator in /readyz and /metrics', async () => {
    // Act
    const saved = await call(s.api, 'PUT', `/api/calendar/years/${YEAR + 1}`, { token: eduAdmin, body: { days: [{ date: `${YEAR + 1}-01-01`, kind: 'HOLIDAY', name: '元旦' }] } });
    const ready = await call(s.api, 'GET', '/readyz');
    const metrics = await (await fetch(`${s.api.url}/metrics`)).text();

    // Assert
    expect(saved).toMatchObject({ status: 200, body: { year: YEAR + 1, holidays: 1, workingDays: 0 } });
    expect((await s.db.calendarYear.findUniqueOrThrow({ where: { year: YEAR + 1 } })).source).toBe('API');
    const coverage = calendarCoverage(new Date(), await createCalendarStore(s.db, policyConfig.utcOffsetMinutes).load(), policyConfig.utcOffsetMinutes);
    // A missing year warns; it does not make the service unready (its status weighs the shared outbox too).
    expect(ready.body.database.ok).toBe(true);
    expect(ready.body.calendar).toEqual(coverage);
    expect(metrics).toContain(`groupflow_calendar_covered_days ${coverage.daysCovered}`);
    expect(metrics).toContain(`groupflow_calendar_missing_years ${coverage.missingYears.length}`);
    expect(metrics).toMatch(/groupflow_calendar_next_year_covered [01]/);
    expect((await call(s.api, 'GET', '/livez')).body).toEqual({ status: 'ok' });
  });
});
