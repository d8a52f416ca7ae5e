/** Request bodies of the organisation cases: secondments, group structure changes, cadre placements. */
import { z } from 'zod';
import { CADRE_CATEGORIES } from '../../policy/cadre.js';
import { GROUP_CHANGE_KINDS } from '../../policy/group-structure.js';
import { SECONDMENT_DIRECTIONS, SECONDMENT_POSTS } from '../../policy/secondment.js';
import { safeText } from '../../policy/text.js';

const isoDate = z.iso.date();
const title = safeText(200);
const leadDays = z.number().int().min(1).max(365);

/** A term ends on or after the day it starts. */
const termInOrder = (d: { startsOn: string; endsOn: string }) => d.endsOn >= d.startsOn;
const termOrderIssue = { message: 'endsOn must not be before startsOn', path: ['endsOn'] };

export const startSecondmentBody = z
  .object({
    direction: z.enum(SECONDMENT_DIRECTIONS),
    /** The member school the team goes to (CORE_TO_MEMBER, NEW_SCHOOL) or comes from (MEMBER_TO_CORE). */
    memberSchoolId: z.uuid(),
    members: z.array(z.object({ name: safeText(100), post: z.enum(SECONDMENT_POSTS) })).max(50),
    startsOn: isoDate,
    endsOn: isoDate,
    title: title.optional(),
    reminderLeadDays: leadDays.optional(),
  })
  .refine(termInOrder, termOrderIssue);

export const startGroupChangeBody = z.object({
  kind: z.enum(GROUP_CHANGE_KINDS),
  groupId: z.uuid(),
  schoolId: z.uuid(),
  /** Required for a member beyond the standard size (R-GROUP-SIZE). */
  justification: safeText(2000).optional(),
  title: title.optional(),
});

export const startCadrePlacementBody = z
  .object({
    candidateName: safeText(100),
    category: z.enum(CADRE_CATEGORIES),
    teacherId: z.uuid().optional(),
    flagshipSchool: safeText(200),
    startsOn: isoDate,
    endsOn: isoDate,
    title: title.optional(),
    reminderLeadDays: leadDays.optional(),
  })
  .refine(termInOrder, termOrderIssue);
