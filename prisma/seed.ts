/**
 * Demo data for one district (蚌山区): its units, three tight groups of a core school and four
 * member schools each, teachers, and demo officials. Idempotent: existing rows are left as they are.
 */
import { hashPassword } from '../api/auth/password.js';
import { UNIT_CODES, type UnitCode } from '../policy/approval-chains.js';
import type { Db } from './client.js';

export const DEMO_PASSWORD = 'demo-2026';

const UNIT_NAMES: Record<UnitCode, [string, string]> = {
  EDU: ['区教育局', 'District Education Bureau'],
  ORG: ['区委组织部', 'Organization Department'],
  HR: ['区人社局', 'Human Resources & Social Security Bureau'],
  FIN: ['区财政局', 'Finance Bureau'],
  STAFF: ['区委编办', 'Staffing Office'],
  DRC: ['区发展改革委', 'Development & Reform Commission'],
  TASKFORCE: ['集团化办学工作专班', 'Group-schooling Task Force Office'],
};

const GROUPS = [
  { code: 'G01', name: '蚌山小学教育集团', core: '蚌山小学' },
  { code: 'G02', name: '第一实验学校教育集团', core: '第一实验学校' },
  { code: 'G03', name: '朝阳路第二小学教育集团', core: '朝阳路第二小学' },
];

const MEMBER_NAMES = ['燕山路小学', '雪华乡中心小学', '秦集镇中心小学', '纬四街小学', '胜利路小学', '宏业村小学', '天河小学', '锦绣小学', '长青乡中心小学', '延安路小学', '南湖小学', '龙湖小学'];

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '赵', '黄', '周', '吴'];
const GIVEN = ['芳', '伟', '静', '敏', '磊', '洋', '艳', '勇', '娟', '涛', '军', '杰'];

export interface DemoLogin {
  login: string;
  displayName: string;
  belongsTo: string;
}

export async function seedDemo(db: Db): Promise<DemoLogin[]> {
  const district = await db.district.upsert({ where: { code: 'BENGSHAN' }, create: { code: 'BENGSHAN', name: '蚌山区' }, update: {} });
  const logins: DemoLogin[] = [];

  async function official(login: string, displayName: string, belongsTo: string, link: { unitId?: string; schoolId?: string }, roles: ('OFFICIAL' | 'SCHEDULER' | 'ADMIN')[] = ['OFFICIAL']) {
    if (!(await db.official.findUnique({ where: { login } }))) {
      await db.official.create({
        data: { login, displayName, email: `${login}@demo.bengshan.edu.cn`, passwordHash: await hashPassword(DEMO_PASSWORD), roles, isUnitLead: true, ...link },
      });
    }
    logins.push({ login, displayName, belongsTo });
  }

  for (const code of UNIT_CODES) {
    const [name, nameEn] = UNIT_NAMES[code];
    const unit = await db.unit.upsert({ where: { districtId_code: { districtId: district.id, code } }, create: { code, name, nameEn, districtId: district.id }, update: {} });
    await official(code.toLowerCase(), `${name}审批人`, name, { unitId: unit.id });
  }
  const edu = await db.unit.findUniqueOrThrow({ where: { districtId_code: { districtId: district.id, code: 'EDU' } } });
  await official('admin', '系统管理员', '区教育局', { unitId: edu.id }, ['ADMIN']);
  await official('scheduler', '年度考核排程员', '区教育局', { unitId: edu.id }, ['SCHEDULER']);

  let teacherNo = 0;
  for (const [g, spec] of GROUPS.entries()) {
    const group = await db.educationGroup.upsert({ where: { code: spec.code }, create: { code: spec.code, name: spec.name, districtId: district.id }, update: {} });
    const schools = [{ name: spec.core, role: 'CORE' as const }, ...MEMBER_NAMES.slice(g * 4, g * 4 + 4).map((name) => ({ name, role: 'MEMBER' as const }))];
    for (const [s, schoolSpec] of schools.entries()) {
      const code = `${spec.code}-S${s}`;
      // One member school per group is new (founded 2024) and one is weak, so policy rules have cases to act on.
      const founded = s === 4 ? '2024-09-01' : `${1950 + g * 10 + s * 3}-09-01`;
      const school = await db.school.upsert({
        where: { code },
        create: { code, name: schoolSpec.name, role: schoolSpec.role, districtId: district.id, groupId: group.id, foundedOn: new Date(founded), weak: s === 3, campuses: { create: [{ name: '本部' }] } },
        update: {},
      });
      if (s <= 1) await official(code.toLowerCase(), `${schoolSpec.name}审批人`, schoolSpec.name, { schoolId: school.id });
      for (let t = 0; t < 6; t += 1) {
        teacherNo += 1;
        const staffNo = `T${String(teacherNo).padStart(5, '0')}`;
        await db.teacher.upsert({
          where: { staffNo },
          create: {
            staffNo,
            name: `${SURNAMES[teacherNo % SURNAMES.length]}${GIVEN[(teacherNo * 7) % GIVEN.length]}`,
            homeSchoolId: school.id,
            currentSchoolId: school.id,
            joinedGroupOn: new Date(`${2012 + (teacherNo % 12)}-09-01`),
            backbone: t % 3 === 0 ? 'BACKBONE' : 'NONE',
            graduatingClass: t === 5,
            title: t % 2 === 0 ? 'FIRST_GRADE' : 'SECOND_GRADE',
          },
          update: {},
        });
      }
    }
  }
  return logins;
}
