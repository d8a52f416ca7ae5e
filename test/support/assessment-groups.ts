/** Extra tight groups in the test organisation's district, each with a core school whose official can act. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../prisma/client.js';
import type { TestOrg } from './org.js';

export async function createAssessedGroup(db: Db, org: TestOrg, memberSchools: number) {
  const tag = randomUUID().slice(0, 8);
  const group = await db.educationGroup.create({ data: { code: `G-${tag}`, name: `考核集团 ${tag}`, districtId: org.district.id } });
  const school = (suffix: string, role: 'CORE' | 'MEMBER') =>
    db.school.create({ data: { code: `S-${tag}-${suffix}`, name: `学校 ${suffix}`, role, districtId: org.district.id, groupId: group.id, foundedOn: new Date('2001-09-01') } });
  const core = await school('core', 'CORE');
  for (let i = 1; i <= memberSchools; i += 1) await school(`m${i}`, 'MEMBER');
  const coreOfficial = await db.official.create({ data: { login: `core-${tag}`, displayName: 'core', email: `core-${tag}@test.local`, passwordHash: 'x', roles: ['OFFICIAL'], schoolId: core.id } });
  return { group, core, actor: { officialId: coreOfficial.id, unitCode: null, schoolId: core.id, isLead: false } };
}
