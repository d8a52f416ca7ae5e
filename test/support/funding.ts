/** Extra schools and teachers the money and staffing tests need, added to a test organisation. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import type { TestOrg } from './org.js';

/** A member school of the org's group founded `ageDays` before `at`, with named campuses. */
export async function createNewSchool(db: Db, org: TestOrg, options: { at: Date; ageDays: number; campuses: string[] }) {
  const suffix = randomUUID().slice(0, 6);
  return db.school.create({
    data: {
      code: `S-${org.tag}-new-${suffix}`,
      name: `新建学校 ${suffix}`,
      role: 'MEMBER',
      districtId: org.district.id,
      groupId: org.group.id,
      foundedOn: new Date(options.at.getTime() - options.ageDays * 86_400_000),
      campuses: { create: options.campuses.map((name) => ({ name })) },
    },
    include: { campuses: { orderBy: { name: 'asc' } } },
  });
}

export async function createTeacher(db: Db, org: TestOrg, options: { schoolId: string; backbone: 'NONE' | 'BACKBONE' | 'SUBJECT_LEADER'; title: 'FIRST_GRADE' | 'SENIOR' | 'PROFESSOR' }) {
  const suffix = randomUUID().slice(0, 6);
  return db.teacher.create({
    data: { staffNo: `T-${org.tag}-${suffix}`, name: `教师 ${suffix}`, homeSchoolId: options.schoolId, currentSchoolId: options.schoolId, joinedGroupOn: new Date('2015-09-01'), backbone: options.backbone, title: options.title },
  });
}

