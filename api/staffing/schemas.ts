/** The yearly staffing proposal (R-STAFF-ANNUAL), validated here and published in /openapi.json. */
import { z } from 'zod';

export const staffingProposalBody = z.object({
  groupId: z.uuid(),
  schoolYear: z.number().int().min(2000).max(2100),
  /** The group's fixed staffing total; once a year has been allocated, later years must keep it. */
  total: z.number().int().min(1).max(100_000),
  enrolments: z.array(z.object({ schoolId: z.uuid(), enrolment: z.number().int().min(0).max(100_000) })).min(1).max(20),
});
