/**
 * The yearly commendation round (R-AWARD-ANNUAL): schools nominate, the groups' core schools
 * endorse, EDU and ORG list the district's commended and recommend the best to the city, where
 * they are preferred for "最美教师" or "优秀班主任". Pure: the workflow applies these to form data.
 */
import { z } from 'zod';
import { policyConfig } from './config.js';
import { safeText } from './text.js';

export type NominationStatusCode = 'NOMINATED' | 'GROUP_ENDORSED' | 'DISTRICT_LISTED' | 'CITY_RECOMMENDED' | 'NOT_SELECTED';
export type CityPreferenceCode = 'MOST_BEAUTIFUL_TEACHER' | 'EXCELLENT_HEAD_TEACHER';

const uniqueBy = <T>(key: (item: T) => string) => (items: T[]) => new Set(items.map(key)).size === items.length;

/** Builds the forms of the commendation chains; policy/forms.ts adds them to the one table and builds it once, on first use. */
export function commendationForms() {
  return {
    /** A school's nominees; an empty list says "none this year". */
    NOMINATIONS: z.object({
      nominees: z
        .array(z.object({ name: safeText(50), reason: safeText(2000), teacherId: z.uuid().optional() }))
        .max(policyConfig.commendation.maxNomineesPerSchool)
        .refine(uniqueBy((n: { name: string }) => n.name), { message: 'each nominee once' }),
    }),
    /** The core school's review: the nominations (ids) the group endorses. */
    GROUP_ENDORSEMENT: z.object({ endorsed: z.array(z.uuid()).refine(uniqueBy((id: string) => id), { message: 'each nomination once' }) }),
    /** EDU's district list: who is commended, and who is recommended to the city with which preference. */
    DISTRICT_LIST: z.object({
      listed: z
        .array(
          z
            .object({ nominationId: z.uuid(), cityRecommended: z.boolean(), cityPreference: z.enum(['MOST_BEAUTIFUL_TEACHER', 'EXCELLENT_HEAD_TEACHER']).optional() })
            .refine((l) => l.cityRecommended || !l.cityPreference, { message: 'a city preference only for nominees recommended to the city', path: ['cityPreference'] }),
        )
        .refine(uniqueBy((l: { nominationId: string }) => l.nominationId), { message: 'each nomination once' }),
    }),
  } as const;
}

export interface NominationOutcome {
  nominationId: string;
  status: NominationStatusCode;
  cityPreference: CityPreferenceCode | null;
}

/** The group review: endorsed nominations go on to the district, the others are not selected. Ids of other groups are ignored. */
export function endorsementOutcome(candidateIds: readonly string[], endorsed: readonly string[]): NominationOutcome[] {
  const chosen = new Set(endorsed);
  return candidateIds.map((id) => ({ nominationId: id, status: chosen.has(id) ? 'GROUP_ENDORSED' : 'NOT_SELECTED', cityPreference: null }));
}

/** The district list over the endorsed nominations; listing an id that was not endorsed has no effect. */
export function districtOutcome(endorsedIds: readonly string[], list: z.infer<ReturnType<typeof commendationForms>['DISTRICT_LIST']>): NominationOutcome[] {
  const byId = new Map(list.listed.map((l) => [l.nominationId, l]));
  return endorsedIds.map((id) => {
    const entry = byId.get(id);
    if (!entry) return { nominationId: id, status: 'NOT_SELECTED', cityPreference: null };
    return { nominationId: id, status: entry.cityRecommended ? 'CITY_RECOMMENDED' : 'DISTRICT_LISTED', cityPreference: entry.cityRecommended ? (entry.cityPreference ?? null) : null };
  });
}
