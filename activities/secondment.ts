/** The Secondment row of a management secondment case (R-SECOND-*), and the waits of any term case. */
import type { SecondedMember, SecondmentDirection } from '../policy/secondment.js';
import { termWaits, type TermWaits } from '../policy/secondment.js';
import type { ActivityDeps } from './deps.js';

export type SecondmentStatus = 'PENDING' | 'APPROVED' | 'ACTIVE' | 'COMPLETED' | 'REJECTED' | 'WITHDRAWN';

export interface SecondmentRecord {
  caseId: string;
  direction: SecondmentDirection;
  fromSchoolId: string;
  toSchoolId: string;
  members: SecondedMember[];
  /** `YYYY-MM-DD`, Asia/Shanghai: the first and the last day of the term. */
  startsOn: string;
  endsOn: string;
}

const dbDate = (isoDate: string) => new Date(`${isoDate}T00:00:00Z`);

export function secondmentActivities({ db, config, now = () => new Date() }: ActivityDeps) {
  return {
    /** Once per case: a retry finds the row the first attempt wrote. */
    async saveSecondment(input: SecondmentRecord): Promise<void> {
      const { caseId, members, startsOn, endsOn, ...rest } = input;
      await db.secondment.upsert({
        where: { caseId },
        create: { caseId, ...rest, members: members.map((m) => ({ name: m.name, post: m.post })), startsOn: dbDate(startsOn), endsOn: dbDate(endsOn) },
        update: {},
      });
    },

    async setSecondmentStatus(input: { caseId: string; status: SecondmentStatus }): Promise<void> {
      await db.secondment.update({ where: { caseId: input.caseId }, data: { status: input.status } });
    },

    /**
     * Read once from the wall clock when a term is approved: the workflow then sleeps these waits in
     * turn, so its timers (and the time-skipping test server) never depend on the worker's clock again.
     */
    async termWaitsFromNow(input: { startsOn: string; endsOn: string; reminderLeadDays: number }): Promise<TermWaits> {
      return termWaits(now(), input, input.reminderLeadDays, config);
    },
  };
}
