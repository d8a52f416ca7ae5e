/**
 * Prometheus metrics of the API process (prom-client): the process's own, and business gauges read
 * at scrape time, starting with how far the working-day calendar reaches (issue 14 point 1).
 */
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import type { RequestHandler } from 'express';
import type { CalendarService } from '../application/calendar.js';

export function createMetrics(calendar: CalendarService): { registry: Registry; route: RequestHandler } {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'groupflow_api_' });
  // Read once per scrape, before the registry collects: the gauges below only copy from it.
  let coverage: Awaited<ReturnType<CalendarService['coverage']>> | undefined;
  new Gauge({
    name: 'groupflow_calendar_covered_days',
    help: 'Days from today (Asia/Shanghai) to the end of the working-day calendar the bureau has entered; 0 when this year is missing.',
    registers: [registry],
    collect() {
      this.set(coverage?.daysCovered ?? 0);
    },
  });
  new Gauge({
    name: 'groupflow_calendar_missing_years',
    help: 'Years the working-day calendar lacks that deadlines count now: this year, and next year from 1 October.',
    registers: [registry],
    collect() {
      this.set(coverage?.missingYears.length ?? 0);
    },
  });
  new Gauge({
    name: 'groupflow_calendar_next_year_covered',
    help: "1 when next year's holidays and working days are entered, else 0.",
    registers: [registry],
    collect() {
      const nextYear = coverage ? Number(coverage.today.slice(0, 4)) + 1 : 0;
      this.set(coverage?.coveredUntil && Number(coverage.coveredUntil.slice(0, 4)) >= nextYear ? 1 : 0);
    },
  });
  const route: RequestHandler = async (_req, res) => {
    coverage = await calendar.coverage();
    res.type(registry.contentType).send(await registry.metrics());
  };
  return { registry, route };
}
