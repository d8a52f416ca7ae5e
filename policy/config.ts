/**
 * Every number the policy sets, in one place (rule ids from ../shared/policy/RULES.md).
 * Where the policy text is silent the value is a configurable default and says so.
 * `policyConfig` is version 1 of the policy's numbers and never changes: the bureau's changes are
 * later versions in the database (PolicyVersion, prisma/policy.ts), and a case keeps the version
 * it started under.
 */
import { z } from 'zod';

export interface PolicyConfig {
  /** Asia/Shanghai has kept UTC+8 without daylight saving since 1991. */
  utcOffsetMinutes: number;
  /** The school year starts on this month/day (RULES.md "Dates"). */
  schoolYearStart: { month: number; day: number };
  /** R-GROUP-SIZE */
  groupSize: { min: number; max: number; hardMax: number };
  /** R-COVERAGE */
  coverageTargets: readonly { year: number; share: number }[];
  exchange: {
    /** R-EXCH-ELIGIBLE */
    eligibleAfterYears: number;
    /** R-EXCH-QUOTA */
    minExchangeShare: number;
    /** R-EXCH-BACKBONE */
    minBackboneShare: number;
    /** R-EXCH-RETURN: configurable, default 3 school years. */
    termSchoolYears: number;
    /** R-EXCH-SPECIALPOST */
    specialPostYears: number;
    /** R-EXCH-REFUSAL: title-evaluation points deducted for a refused exchange (configurable, default 2). */
    refusalDeductionPoints: number;
    /** R-EXCH-REFUSAL: title-evaluation bonus points for a core→member exchange (configurable, default 2). */
    coreToMemberBonusPoints: number;
    /** Days before a term ends that every party is reminded (the policy is silent: configurable, default 30). */
    termEndReminderLeadDays: number;
    /** R-EVAL-UNIFIED: days before each school year of a term ends that its score step opens (silent: default 60, early July). */
    assessmentLeadDays: number;
    /** R-EXCH-NEWMEMBER: teachers a joining member school sends to the core school. The policy leaves the number to each group (EducationGroup.newMemberExchangeTeachers): configurable default 2. */
    newMemberTeachers: number;
  };
  funding: {
    /** R-FUND-NEWSCHOOL: 500 000 CNY per campus per year, in fen. */
    newSchoolMinPerCampusFen: number;
    /** R-FUND-NEWSCHOOL / R-FUND-RESERVE / R-EXCH-SUPPORT: "within 3 years". */
    newSchoolYears: number;
    /** R-FUND-RESERVE */
    reserveShare: number;
    /** R-FUND-RESERVE: one member school's yearly funding standard, in fen. Not in the policy text: configurable default. */
    memberSchoolStandardFen: number;
    /** R-FUND-NEWSCHOOL: the yearly payment date inside each school year (month/day of its first calendar year). Policy silent: configurable default. */
    paymentDate: { month: number; day: number };
    /** Days before a payment date that FIN is reminded. Policy silent: configurable default. */
    paymentReminderLeadDays: number;
    /** R-FUND-LECTURE: fee per teaching hour (课时) by the lecturer's professional title, in fen. Policy: "rates configurable"; these are defaults. */
    lectureFeeFenPerHour: Record<'UNRANKED' | 'THIRD_GRADE' | 'SECOND_GRADE' | 'FIRST_GRADE' | 'SENIOR' | 'PROFESSOR', number>;
    /** R-FUND-LECTURE: most teaching hours one claim may cover. Policy silent: configurable default. */
    lectureMaxHoursPerClaim: number;
  };
  /** R-REVIEW-3Y */
  fullReviewEveryYears: number;
  /** R-ASSESS-ANNUAL / R-TIER-DYNAMIC: the policy names no deadline or tier count; configurable defaults. */
  assessment: { selfAssessmentWorkingDays: number; tiers: number };
  /** R-AWARD-ANNUAL: the policy names no deadlines or list sizes; configurable defaults. */
  commendation: { nominationWorkingDays: number; lateNominationWorkingDays: number; maxNomineesPerSchool: number };
  /** R-SECOND-OUT / R-SECOND-IN: smallest team; the lead time of the end-of-term reminder is configurable (policy silent). */
  secondment: { minSchoolLeaders: number; minPrincipals: number; minMiddleManagers: number; reminderLeadDays: number };
  /** R-CADRE-FLAGSHIP: lead time of the end-of-placement reminder, configurable (policy silent). */
  cadrePlacement: { reminderLeadDays: number };
  approval: {
    /** Working days an approval step may stay open before it is overdue and escalated (configurable). */
    stepDeadlineWorkingDays: number;
    /** How long before a step's deadline its assignees are reminded (configurable). */
    reminderLeadHours: number;
  };
}

export const policyConfig: PolicyConfig = {
  utcOffsetMinutes: 8 * 60,
  schoolYearStart: { month: 9, day: 1 },
  groupSize: { min: 4, max: 6, hardMax: 8 },
  coverageTargets: [
    { year: 2025, share: 0.8 },
    { year: 2030, share: 0.9 },
  ],
  exchange: {
    eligibleAfterYears: 6,
    minExchangeShare: 0.1,
    minBackboneShare: 0.5,
    termSchoolYears: 3,
    specialPostYears: 6,
    refusalDeductionPoints: 2,
    coreToMemberBonusPoints: 2,
    termEndReminderLeadDays: 30,
    assessmentLeadDays: 60,
    newMemberTeachers: 2,
  },
  funding: {
    newSchoolMinPerCampusFen: 500_000 * 100,
    newSchoolYears: 3,
    reserveShare: 0.4,
    memberSchoolStandardFen: 2_000_000 * 100,
    paymentDate: { month: 10, day: 31 },
    paymentReminderLeadDays: 7,
    lectureFeeFenPerHour: { UNRANKED: 200 * 100, THIRD_GRADE: 300 * 100, SECOND_GRADE: 400 * 100, FIRST_GRADE: 500 * 100, SENIOR: 800 * 100, PROFESSOR: 1_000 * 100 },
    lectureMaxHoursPerClaim: 40,
  },
  fullReviewEveryYears: 3,
  assessment: { selfAssessmentWorkingDays: 20, tiers: 4 },
  commendation: { nominationWorkingDays: 10, lateNominationWorkingDays: 5, maxNomineesPerSchool: 5 },
  secondment: { minSchoolLeaders: 1, minPrincipals: 1, minMiddleManagers: 2, reminderLeadDays: 30 },
  cadrePlacement: { reminderLeadDays: 14 },
  approval: { stepDeadlineWorkingDays: 5, reminderLeadHours: 24 },
};

const count = z.number().int().min(0);
const positive = z.number().int().min(1);
const share = z.number().min(0).max(1);
const fen = z.number().int().min(0);
const monthDay = z.object({ month: z.number().int().min(1).max(12), day: z.number().int().min(1).max(31) }).strict();

/**
 * What a policy version may hold: every number of PolicyConfig, each within what the policy can
 * mean (shares between 0 and 1, whole days and years, amounts in whole fen). The time zone and
 * the school year's start are the calendar's, not the policy's: a version keeps version 1's.
 */
export const policyConfigSchema = z
  .object({
    utcOffsetMinutes: z.literal(policyConfig.utcOffsetMinutes),
    schoolYearStart: z.object({ month: z.literal(policyConfig.schoolYearStart.month), day: z.literal(policyConfig.schoolYearStart.day) }).strict(),
    groupSize: z.object({ min: positive, max: positive, hardMax: positive }).strict().refine((g) => g.min <= g.max && g.max <= g.hardMax, 'min ≤ max ≤ hardMax'),
    coverageTargets: z.array(z.object({ year: z.number().int().min(2000).max(2100), share }).strict()).min(1),
    exchange: z
      .object({
        eligibleAfterYears: positive,
        minExchangeShare: share,
        minBackboneShare: share,
        termSchoolYears: positive.max(6),
        specialPostYears: positive,
        refusalDeductionPoints: count,
        coreToMemberBonusPoints: count,
        termEndReminderLeadDays: positive,
        assessmentLeadDays: positive,
        newMemberTeachers: count,
      })
      .strict(),
    funding: z
      .object({
        newSchoolMinPerCampusFen: fen,
        newSchoolYears: positive.max(6),
        reserveShare: share,
        memberSchoolStandardFen: fen,
        paymentDate: monthDay,
        paymentReminderLeadDays: positive,
        lectureFeeFenPerHour: z.object({ UNRANKED: fen, THIRD_GRADE: fen, SECOND_GRADE: fen, FIRST_GRADE: fen, SENIOR: fen, PROFESSOR: fen }).strict(),
        lectureMaxHoursPerClaim: positive,
      })
      .strict(),
    fullReviewEveryYears: positive,
    assessment: z.object({ selfAssessmentWorkingDays: positive, tiers: positive }).strict(),
    commendation: z.object({ nominationWorkingDays: positive, lateNominationWorkingDays: count, maxNomineesPerSchool: positive }).strict(),
    secondment: z.object({ minSchoolLeaders: count, minPrincipals: count, minMiddleManagers: count, reminderLeadDays: positive }).strict(),
    cadrePlacement: z.object({ reminderLeadDays: positive }).strict(),
    approval: z.object({ stepDeadlineWorkingDays: positive, reminderLeadHours: positive }).strict(),
  })
  .strict() satisfies z.ZodType<PolicyConfig>;

/** Version 1's numbers with `changes` laid over them, as a new version would hold them (not yet checked). */
export function withChanges(base: PolicyConfig, changes: Record<string, unknown>): unknown {
  const merge = (into: unknown, over: unknown): unknown => {
    if (Array.isArray(over) || typeof over !== 'object' || over === null || typeof into !== 'object' || into === null || Array.isArray(into)) return over;
    const out: Record<string, unknown> = { ...(into as Record<string, unknown>) };
    for (const [key, value] of Object.entries(over)) out[key] = merge(out[key], value);
    return out;
  };
  return merge(base, changes);
}
