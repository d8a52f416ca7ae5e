/**
 * Teacher lookup for administrators: the case search filters by teacher, and an administrator looks
 * teachers up anywhere in their district, not only in their own school or group as the directory
 * offers. Teachers of another district are not listed.
 */
import { Router } from 'express';
import type { Prisma } from '../generated/prisma/client.js';
import type { Db } from '../prisma/client.js';
import { currentOfficial } from './auth/sessions.js';
import { mayLookUpTeachers } from './authorization.js';
import { DomainError } from './errors.js';
import { teacherSearchQuery } from './schemas.js';
import { containsText } from './search-text.js';

export function teacherRoutes(db: Db): Router {
  const router = Router();
  router.get('/teachers', async (req, res) => {
    const me = currentOfficial(res);
    if (!mayLookUpTeachers(me)) throw new DomainError('FORBIDDEN');
    const { q, limit, offset } = teacherSearchQuery.parse(req.query);
    const self = await db.official.findUniqueOrThrow({ where: { id: me.id }, select: { unit: { select: { districtId: true } }, school: { select: { districtId: true } } } });
    const districtId = self.unit?.districtId ?? self.school?.districtId;
    // As the directory: an account outside any district has nothing to choose from.
    if (!districtId) {
      res.json({ total: 0, items: [] });
      return;
    }
    const where: Prisma.TeacherWhereInput = {
      homeSchool: { districtId },
      ...(q ? { OR: [{ name: containsText(q) }, { staffNo: containsText(q) }] } : {}),
    };
    const [total, items] = await Promise.all([
      db.teacher.count({ where }),
      db.teacher.findMany({
        where,
        orderBy: [{ staffNo: 'asc' }],
        skip: offset,
        take: limit,
        select: { id: true, staffNo: true, name: true, homeSchool: { select: { id: true, code: true, name: true } } },
      }),
    ]);
    res.json({ total, items });
  });
  return router;
}
