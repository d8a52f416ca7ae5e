/**
 * Every side effect of the case workflows, built from their dependencies. Each activity is
 * idempotent: a retry finds what the first attempt wrote (natural keys, dedupe keys) and writes
 * nothing twice.
 */
import { assessmentActivities } from './assessment.js';
import { commendationActivities } from './commendation.js';
import { cycleActivities } from './cycles.js';
import { cadreActivities } from './cadre.js';
import { calendarActivities } from './calendar.js';
import { policyActivities } from './policy.js';
import { groupChangeActivities } from './group-change.js';
import { secondmentActivities } from './secondment.js';
import { caseActivities } from './cases.js';
import { chainActivities } from './chain.js';
import { createCalendarStore } from '../prisma/calendar.js';
import type { ActivityDeps } from './deps.js';
import { withClassifiedFailures } from './failures.js';
import { exchangeActivities } from './exchange.js';
import { newMemberExchangeActivities } from './new-member-exchange.js';
import { notificationActivities } from './notifications.js';
import { fundingActivities } from './funding.js';
import { staffingActivities } from './staffing.js';

export type { ActivityDeps } from './deps.js';
export type { NotificationRequest } from './notifications.js';

/** What the worker hands over; the calendar store is made from the database unless given. */
export type ActivityInput = Omit<ActivityDeps, 'calendar'> & Partial<Pick<ActivityDeps, 'calendar'>>;

export function createActivities(input: ActivityInput) {
  const deps: ActivityDeps = { ...input, calendar: input.calendar ?? createCalendarStore(input.db, input.config.utcOffsetMinutes) };
  return withClassifiedFailures({ ...chainActivities(deps), ...caseActivities(deps), ...notificationActivities(deps), ...assessmentActivities(deps), ...commendationActivities(deps), ...cycleActivities(deps), ...exchangeActivities(deps),
    ...secondmentActivities(deps), ...groupChangeActivities(deps), ...cadreActivities(deps),
    ...fundingActivities(deps), ...staffingActivities(deps), ...newMemberExchangeActivities(deps), ...calendarActivities(deps), ...policyActivities(deps) });
}
