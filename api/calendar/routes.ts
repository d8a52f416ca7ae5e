/**
 * The working-day calendar (issue 14 point 1): its coverage (read by the console's banner), the
 * years entered, and one year's list, entered or corrected as JSON or as a CSV import.
 */
import express, { Router } from 'express';
import { CalendarRejected, RecountNotStarted, type CalendarService } from '../../application/calendar.js';
import { currentOfficial } from '../auth/sessions.js';
import { mayMaintainCalendar } from '../authorization.js';
import { DomainError } from '../errors.js';
import { calendarCsv, calendarYearBody, calendarYearParam } from './schemas.js';

export function calendarRoutes(calendar: CalendarService): Router {
  const router = Router();

  router.get('/calendar', async (_req, res) => {
    res.json(await calendar.overview(currentOfficial(res).id));
  });

  router.get('/calendar/years/:year', async (req, res) => {
    const { year } = calendarYearParam.parse(req.params);
    res.json(await calendar.year(year));
  });

  router.put('/calendar/years/:year', express.text({ type: ['text/csv', 'text/plain'], limit: '256kb' }), async (req, res) => {
    const me = currentOfficial(res);
    if (!mayMaintainCalendar(me)) throw new DomainError('FORBIDDEN');
    const { year } = calendarYearParam.parse(req.params);
    const csv = typeof req.body === 'string';
    const body = calendarYearBody.parse(csv ? calendarCsv(req.body as string) : req.body);
    try {
      res.json(await calendar.saveYear({ actorId: me.id, year, days: body.days, source: csv ? 'IMPORT' : 'API' }));
    } catch (err) {
      if (err instanceof CalendarRejected) throw new DomainError('CALENDAR_INVALID', { problems: err.problems });
      if (err instanceof RecountNotStarted) throw new DomainError('DEADLINES_NOT_RECOUNTED');
      throw err;
    }
  });

  return router;
}
