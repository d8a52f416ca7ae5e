/**
 * Who may do what, decided in one place (ARCHITECTURE.md "Tenancy and authorization").
 * Routes ask here instead of comparing roles or units themselves.
 */
import type { CurrentOfficial } from './auth/sessions.js';

/**
 * The working-day calendar is the State Council's, the same for every district: the Education
 * Bureau's administrators keep it (issue 14 point 1); everyone signed in may read it.
 */
export function mayMaintainCalendar(me: CurrentOfficial): boolean {
  return me.roles.includes('ADMIN') && me.unitCode === 'EDU';
}

/** The policy's numbers are changed by the Education Bureau's leads (issue 14 point 2); everyone signed in may read them. */
export function mayChangePolicy(me: CurrentOfficial): boolean {
  return me.isLead && me.unitCode === 'EDU';
}

/** Schedulers and administrators manage their district's yearly schedules. */
export function mayManageSchedules(me: CurrentOfficial): boolean {
  return me.roles.includes('SCHEDULER') || me.roles.includes('ADMIN');
}

/** Administrators look teachers up (the case search's teacher filter). */
export function mayLookUpTeachers(me: CurrentOfficial): boolean {
  return me.roles.includes('ADMIN');
}

/** An official of the Education Bureau, who reads every exchange term of the district. */
export function isBureauOfficial(me: CurrentOfficial): boolean {
  return me.unitCode === 'EDU';
}

/** The bureau or a scheduler plans rotations and reads rotation plans (R-EXCH-QUOTA). */
export function mayPlanRotations(me: CurrentOfficial): boolean {
  return isBureauOfficial(me) || me.roles.includes('SCHEDULER');
}
