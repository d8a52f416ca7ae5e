/** Requests of the exchange API (R-EXCH-*), validated here and published in /openapi.json. */
import { z } from 'zod';
import { safeText } from '../../policy/text.js';

const uuid = z.uuid();
const schoolYear = z.number().int().min(2000).max(2100);

export const startRotationPlanBody = z.object({ groupId: uuid, schoolYear });

export const rotationPlanParams = z.object({ groupId: uuid, schoolYear: z.coerce.number().int().min(2000).max(2100) });

export const nominateTermBody = z.object({ teacherId: uuid, toSchoolId: uuid, startSchoolYear: schoolYear });

export const declareRefusalBody = z.object({ teacherId: uuid, schoolYear, reason: safeText(2000) });

export const earlyEndBody = z.object({
  /** Client request id; repeating it applies the request once. */
  requestId: uuid,
  reason: z.enum(['ILLNESS', 'TRANSFER', 'OTHER']),
  comment: safeText(2000),
});
