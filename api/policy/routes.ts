/**
 * The policy's numbers as versioned data (issue 14 point 2): the version in force and every
 * version with its effective date, and a new version from EDU leads. A new version applies to
 * cases that start on or after its effective date; running cases keep theirs.
 */
import { Router } from 'express';
import { z } from 'zod';
import { localDate } from '../../policy/calendar.js';
import { policyConfig } from '../../policy/config.js';
import { safeText } from '../../policy/text.js';
import type { Db } from '../../prisma/client.js';
import { addPolicyVersion, effectivePolicy, PolicyRejected } from '../../prisma/policy.js';
import { currentOfficial } from '../auth/sessions.js';
import { mayChangePolicy } from '../authorization.js';
import { DomainError } from '../errors.js';

export const policyVersionBody = z.object({
  /** The first day (Asia/Shanghai) the version applies to new cases; today or later. */
  effectiveFrom: safeText(10).regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD'),
  note: safeText(500),
  /** Only what changes, in PolicyConfig's shape, e.g. {"exchange":{"termSchoolYears":2}}. */
  changes: z.record(z.string(), z.unknown()),
});

export function policyRoutes(db: Db): Router {
  const router = Router();

  router.get('/policy', async (_req, res) => {
    const [current, versions] = await Promise.all([
      effectivePolicy(db, new Date()),
      db.policyVersion.findMany({ orderBy: { version: 'asc' }, select: { version: true, effectiveFrom: true, note: true, createdAt: true, config: true, createdBy: { select: { displayName: true } } } }),
    ]);
    res.json({ current, versions });
  });

  router.post('/policy/versions', async (req, res) => {
    const me = currentOfficial(res);
    if (!mayChangePolicy(me)) throw new DomainError('FORBIDDEN');
    const body = policyVersionBody.parse(req.body);
    const offset = policyConfig.utcOffsetMinutes;
    const effectiveFrom = new Date(Date.parse(`${body.effectiveFrom}T00:00:00Z`) - offset * 60_000);
    // A version never reaches back: cases already started keep what they started with.
    if (Number.isNaN(effectiveFrom.getTime()) || body.effectiveFrom < localDate(new Date(), offset)) {
      throw new DomainError('VALIDATION_FAILED', [{ path: 'effectiveFrom', message: 'a real date, today or later' }]);
    }
    try {
      const added = await addPolicyVersion(db, { actorId: me.id, effectiveFrom, note: body.note, changes: body.changes });
      res.status(201).json(added);
    } catch (err) {
      if (err instanceof PolicyRejected) throw new DomainError('POLICY_INVALID', { problems: err.problems });
      throw err;
    }
  });

  return router;
}
