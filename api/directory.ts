/**
 * The names a console needs to offer choices instead of ids: the groups, schools and units of the
 * official's district, the colleagues of their own unit or school (delegates, 转办 targets), and for a
 * school official the teachers of that school (whom it may nominate for exchange); a core school's
 * officials also get the teachers of their group (the rows of its rotation plan).
 */
import { Router } from 'express';
import type { Db } from '../prisma/client.js';
import { currentOfficial } from './auth/sessions.js';

export function directoryRoute(db: Db): Router {
  const router = Router();
  router.get('/directory', async (_req, res) => {
    const me = currentOfficial(res);
    const self = await db.official.findUniqueOrThrow({ where: { id: me.id }, include: { unit: true, school: true } });
    const districtId = self.unit?.districtId ?? self.school?.districtId;
    const place = me.unitId ? { unitId: me.unitId } : me.schoolId ? { schoolId: me.schoolId } : null;
    const inDistrict = { districtId };
    const coreOf = self.school?.role === 'CORE' ? self.school.groupId : null;
    const [groups, schools, units, colleagues, teachers, groupTeachers] = await Promise.all([
      districtId ? db.educationGroup.findMany({ where: inDistrict, select: { id: true, code: true, name: true }, orderBy: { code: 'asc' } }) : [],
      districtId ? db.school.findMany({ where: inDistrict, select: { id: true, code: true, name: true, groupId: true, role: true }, orderBy: { code: 'asc' } }) : [],
      districtId ? db.unit.findMany({ where: inDistrict, select: { id: true, code: true, name: true, nameEn: true }, orderBy: { code: 'asc' } }) : [],
      place ? db.official.findMany({ where: { active: true, id: { not: me.id }, ...place }, select: { id: true, login: true, displayName: true, isUnitLead: true }, orderBy: { login: 'asc' } }) : [],
      me.schoolId ? db.teacher.findMany({ where: { homeSchoolId: me.schoolId }, select: { id: true, staffNo: true, name: true }, orderBy: { staffNo: 'asc' } }) : [],
      coreOf ? db.teacher.findMany({ where: { homeSchool: { groupId: coreOf } }, select: { id: true, staffNo: true, name: true, homeSchoolId: true }, orderBy: { staffNo: 'asc' } }) : [],
    ]);
    res.json({
      unit: self.unit ? { code: self.unit.code, name: self.unit.name, nameEn: self.unit.nameEn } : null,
      school: self.school ? { code: self.school.code, name: self.school.name } : null,
      groups,
      schools,
      units,
      colleagues,
      teachers,
      groupTeachers,
    });
  });
  return router;
}
