/**
 * The nominations of a commendation round (R-AWARD-ANNUAL), for the forms that refer to them: the
 * core school's endorsement and EDU's district list pick from these. Whoever may read the case may
 * read its nominations, with the reasons and schools the case's subject leaves out.
 */
import { Router } from 'express';
import type { Db } from '../../prisma/client.js';
import { identitiesOf, visibleCases } from '../access.js';
import { currentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';
import { idParam } from '../schemas.js';

export function nominationRoutes(db: Db): Router {
  const router = Router();
  router.get('/cases/:id/nominations', async (req, res) => {
    const me = currentOfficial(res);
    const { id } = idParam.parse(req.params);
    const found = await db.case.findFirst({ where: { AND: [{ id }, visibleCases(me, await identitiesOf(db, me))] }, select: { id: true } });
    if (!found) throw new DomainError('NOT_FOUND');
    const rows = await db.nomination.findMany({
      where: { caseId: found.id },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: { teacher: { select: { id: true, staffNo: true, name: true } } },
    });
    // A nomination names its school by id only (no relation): one query for all of them.
    const schools = await db.school.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.schoolId))] } }, select: { id: true, code: true, name: true, groupId: true } });
    const schoolOf = new Map(schools.map((s) => [s.id, s]));
    res.json({
      items: rows.map((r) => ({
        id: r.id,
        name: r.nomineeName,
        reason: r.reason,
        status: r.status,
        cityPreference: r.cityPreference,
        teacher: r.teacher,
        school: schoolOf.get(r.schoolId) ?? null,
      })),
    });
  });
  return router;
}
