/** A small, uniquely named organisation per test file, so test files can share one database. */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../../api/auth/password.js';
import type { Db } from '../../prisma/client.js';

export const TEST_PASSWORD = 'test-password-1';

export async function createTestOrg(db: Db) {
  const tag = randomUUID().slice(0, 8);
  const passwordHash = await hashPassword(TEST_PASSWORD);
  const district = await db.district.create({ data: { code: `D-${tag}`, name: `测试区 ${tag}` } });
  const unit = (code: 'EDU' | 'FIN' | 'TASKFORCE' | 'ORG' | 'HR' | 'STAFF') => db.unit.create({ data: { code, name: code, nameEn: code, districtId: district.id } });
  const edu = await unit('EDU');
  const fin = await unit('FIN');
  const taskforce = await unit('TASKFORCE');
  const org = await unit('ORG');
  const hr = await unit('HR');
  const staff = await unit('STAFF');
  const group = await db.educationGroup.create({ data: { code: `G-${tag}`, name: `测试集团 ${tag}`, districtId: district.id } });
  const school = (suffix: string, role: 'CORE' | 'MEMBER') =>
    db.school.create({ data: { code: `S-${tag}-${suffix}`, name: `学校 ${suffix}`, role, districtId: district.id, groupId: group.id, foundedOn: new Date('2001-09-01') } });
  const core = await school('core', 'CORE');
  const member = await school('m1', 'MEMBER');
  const official = (name: string, link: { unitId?: string; schoolId?: string }, roles: ('OFFICIAL' | 'ADMIN' | 'SCHEDULER')[] = ['OFFICIAL'], isUnitLead = false) =>
    db.official.create({ data: { login: `${name}-${tag}`, displayName: name, email: `${name}-${tag}@test.local`, passwordHash, roles, isUnitLead, ...link } });
  return {
    tag,
    district,
    group,
    core,
    member,
    officials: {
      member: await official('member', { schoolId: member.id }),
      core: await official('core', { schoolId: core.id }),
      edu: await official('edu', { unitId: edu.id }),
      eduLead: await official('edu-lead', { unitId: edu.id }, ['OFFICIAL'], true),
      edu2: await official('edu2', { unitId: edu.id }),
      fin: await official('fin', { unitId: fin.id }),
      taskforce: await official('taskforce', { unitId: taskforce.id }),
      admin: await official('admin', { unitId: fin.id }, ['ADMIN']),
      org: await official('org', { unitId: org.id }),
      hr: await official('hr', { unitId: hr.id }),
      staff: await official('staff', { unitId: staff.id }),
      scheduler: await official('scheduler', { unitId: edu.id }, ['SCHEDULER']),
    },
    units: { edu, fin, taskforce, org, hr, staff },
  };
}

export type TestOrg = Awaited<ReturnType<typeof createTestOrg>>;

/** A case row as the API creates it before starting its workflow. */
export async function createCaseRow(db: Db, org: TestOrg) {
  const id = randomUUID();
  return db.case.create({
    data: { id, type: 'GENERIC_APPROVAL', workflowId: `case-${id}`, title: 'test case', schoolId: org.member.id, groupId: org.group.id, initiatorId: org.officials.member.id },
  });
}

type Who = keyof TestOrg['officials'];

/** The actor an official is in workflow messages (as the API builds it). */
export function actorOf(org: TestOrg, who: Who) {
  const o = org.officials[who];
  const unitCode = (Object.entries(org.units).find(([, u]) => u.id === o.unitId)?.[1].code ?? null) as string | null;
  return { officialId: o.id, unitCode, schoolId: o.schoolId, isLead: o.isUnitLead };
}

/** A chain resolved for the test organisation: core school, then the given kind of step over units. */
export function chainSteps(org: TestOrg, second: { kind: 'SINGLE' | 'COUNTERSIGN' | 'ANY_OF'; units: ('EDU' | 'FIN')[] } = { kind: 'SINGLE', units: ['EDU'] }, deadlineWorkingDays = 5) {
  return [
    { key: 'group-core-review', kind: 'SINGLE' as const, leadOnly: false, deadlineWorkingDays, assignees: [{ schoolId: org.core.id }] },
    { key: 'edu-approval', kind: second.kind, leadOnly: false, deadlineWorkingDays, assignees: second.units.map((u) => ({ unitId: u === 'EDU' ? org.units.edu.id : org.units.fin.id, unitCode: u })) },
  ];
}

/** Where a case's escalation messages went, read from the outbox (every district has a task-force office). */
export async function escalationAddresses(db: Db, workflowId: string): Promise<string[]> {
  const rows = await db.notification.findMany({ where: { kind: 'ESCALATION', case: { workflowId } }, select: { toAddress: true } });
  return [...new Set(rows.map((r) => r.toAddress))].sort();
}
