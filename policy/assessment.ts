/**
 * The yearly group assessment and the three-year full review (R-ASSESS-ANNUAL, R-REVIEW-3Y,
 * R-TIER-DYNAMIC, R-GROUP-SIZE): which years are full reviews, how far a tier may move, and how a
 * group's size is judged. Pure, so the workflow, the API and the tests share one reading.
 */
import { z } from 'zod';
import { policyConfig, type PolicyConfig } from './config.js';
import { safeText } from './text.js';

export type AssessmentKind = 'ANNUAL' | 'FULL_REVIEW';

/**
 * R-REVIEW-3Y: "every 3 years" read as: the group's first school year is its year 1, and the full
 * review closes years `every`, `2 × every`, … (2026 first → 2028, 2031, …), so each review looks
 * back on three whole years ("三年大进步"). Other years, and years before the group existed, are annual.
 */
export function assessmentKindOf(schoolYear: number, firstSchoolYear: number, config: Pick<PolicyConfig, 'fullReviewEveryYears'> = policyConfig): AssessmentKind {
  const yearOfGroup = schoolYear - firstSchoolYear + 1;
  return yearOfGroup > 0 && yearOfGroup % config.fullReviewEveryYears === 0 ? 'FULL_REVIEW' : 'ANNUAL';
}

/** R-TIER-DYNAMIC: an annual assessment moves a group one tier at most; the full review may move it further. */
export function maxTierMove(kind: AssessmentKind, config: Pick<PolicyConfig, 'assessment'> = policyConfig): number {
  return kind === 'FULL_REVIEW' ? config.assessment.tiers - 1 : 1;
}

/** Tier 1 is the top; `move` counts tiers up (positive) or down (negative), kept within the tiers that exist. */
export function tierAfterMove(tierBefore: number, move: number, config: Pick<PolicyConfig, 'assessment'> = policyConfig): number {
  return Math.min(config.assessment.tiers, Math.max(1, tierBefore - move));
}

export type SizeVerdict = 'TOO_SMALL' | 'WITHIN' | 'NEEDS_JUSTIFICATION' | 'TOO_LARGE';

export interface GroupStructure {
  memberSchools: number;
  coreSchools: number;
  verdict: SizeVerdict;
  limits: { min: number; max: number; hardMax: number };
}

/** R-GROUP-SIZE: 4–6 member schools (the core school not counted, as the org-data import counts them), 7–8 only with EDU's justification. */
export function groupStructure(memberSchools: number, coreSchools: number, config: Pick<PolicyConfig, 'groupSize'> = policyConfig): GroupStructure {
  const { min, max, hardMax } = config.groupSize;
  const verdict: SizeVerdict = memberSchools > hardMax ? 'TOO_LARGE' : memberSchools > max ? 'NEEDS_JUSTIFICATION' : memberSchools < min ? 'TOO_SMALL' : 'WITHIN';
  return { memberSchools, coreSchools, verdict, limits: { min, max, hardMax } };
}

const move = (limit: number) => z.number().int().min(-limit).max(limit);
const reasonWhenMoved = (form: { move: number; reason?: string | undefined }) => form.move === 0 || Boolean(form.reason);
const reasonIssue = { message: 'a reason is required when the tier changes', path: ['reason'] };

/** Builds the forms of the assessment chain; policy/forms.ts adds them to the one table and builds it once, on first use. */
export function assessmentForms() {
  return {
    /** R-ASSESS-ANNUAL: the core school's self-assessment on behalf of its group. */
    SELF_ASSESSMENT: z.object({ summary: safeText(5000), selfScore: z.number().int().min(0).max(100), achievements: safeText(5000).optional() }),
    /** EDU's score of the year. */
    ASSESSMENT_SCORE: z.object({ score: z.number().int().min(0).max(100), remarks: safeText(2000).optional() }),
    /** R-TIER-DYNAMIC, annual: `move` tiers up (+1), none (0) or down (-1). */
    TIER_DECISION: z.object({ move: move(maxTierMove('ANNUAL')), reason: safeText(2000).optional() }).refine(reasonWhenMoved, reasonIssue),
    /** R-REVIEW-3Y / R-GROUP-SIZE: the full review's tier move (several tiers possible) and its findings on size and structure. */
    TIER_DECISION_FULL_REVIEW: z
      .object({ move: move(maxTierMove('FULL_REVIEW')), reason: safeText(2000).optional(), structureFindings: safeText(5000) })
      .refine(reasonWhenMoved, reasonIssue),
  } as const;
}
