/** Request bodies of the money cases (R-FUND-*), validated here and published in /openapi.json. */
import { z } from 'zod';
import { policyConfig } from '../../policy/config.js';
import { safeText } from '../../policy/text.js';

export const startSubsidyBody = z.object({ schoolId: z.uuid() });

export const lectureFeeBody = z.object({
  teacherId: z.uuid(),
  /** Whole teaching hours (课时); the rate per hour follows the lecturer's title (policy/config.ts). */
  hours: z.number().int().min(1).max(policyConfig.funding.lectureMaxHoursPerClaim),
  topic: safeText(200),
  lectureDate: z.iso.date(),
});
