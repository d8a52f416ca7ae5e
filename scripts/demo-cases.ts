/**
 * Running cases of every type for the demo district, started the way officials and schedulers
 * start them — through the API, as the seeded demo accounts — so a newcomer finds them in the case
 * list, in the seeded officials' inboxes and in the Temporal Web UI. A type the district already
 * has a case of is left alone, so every `npm start` after the first starts nothing.
 */
import { randomUUID } from 'node:crypto';
import type { CaseTypeCode } from '../policy/case-types.js';
import { schoolYearOf } from '../policy/calendar.js';
import type { PolicyConfig } from '../policy/config.js';
import type { Db } from '../prisma/client.js';
import { DEMO_PASSWORD } from '../prisma/seed.js';
import { CYCLE_KINDS } from '../workflows/cycles/messages.js';

type Post = (login: string, path: string, body: unknown) => Promise<void>;

function apiClient(apiUrl: string): Post {
  const tokens = new Map<string, string>();
  const send = async (path: string, body: unknown, token?: string) => {
    const response = await fetch(`${apiUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
    const text = await response.text();
    if (!response.ok) throw new Error(`demo case: POST ${path} answered ${response.status} ${text}`);
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  return async (login, path, body) => {
    if (!tokens.has(login)) tokens.set(login, String((await send('/api/auth/login', { login, password: DEMO_PASSWORD })).token));
    await send(path, body, tokens.get(login));
  };
}

export async function startDemoCases(db: Db, apiUrl: string, config: PolicyConfig): Promise<CaseTypeCode[]> {
  const district = await db.district.findUniqueOrThrow({ where: { code: 'BENGSHAN' } });
  const existing = new Set((await db.case.groupBy({ by: ['type'], where: { OR: [{ school: { districtId: district.id } }, { group: { districtId: district.id } }, { type: 'COMMENDATION_ROUND' }] } })).map((c) => c.type));
  const post = apiClient(apiUrl);
  const schoolYear = schoolYearOf(new Date(), config);
  const school = (code: string) => db.school.findUniqueOrThrow({ where: { code } });
  const teacherOf = async (code: string, skip = 0) => db.teacher.findFirstOrThrow({ where: { homeSchool: { code } }, orderBy: [{ joinedGroupOn: 'asc' }, { staffNo: 'asc' }], skip });

  const starters: Partial<Record<CaseTypeCode, () => Promise<void>>> = {
    GENERIC_APPROVAL: () => post('g01-s1', '/api/cases', { type: 'GENERIC_APPROVAL', title: '燕山路小学申请集团教研活动场地', description: '示例事项 / demo case' }),
    GENERIC_FUNDING: () => post('g01-s1', '/api/cases', { type: 'GENERIC_FUNDING', title: '燕山路小学申请集团教研经费', description: '示例事项 / demo case' }),
    TEACHER_EXCHANGE: async () => post('g01-s1', '/api/exchange/terms', { teacherId: (await teacherOf('G01-S1')).id, toSchoolId: (await school('G01-S0')).id, startSchoolYear: schoolYear + 1 }),
    EXCHANGE_REFUSAL: async () => post('g02-s1', '/api/exchange/refusals', { teacherId: (await teacherOf('G02-S1')).id, schoolYear: schoolYear + 1, reason: '家庭原因，本人申请不参加交流（示例）' }),
    SECONDMENT: async () =>
      post('g01-s0', '/api/secondments', {
        direction: 'CORE_TO_MEMBER',
        memberSchoolId: (await school('G01-S2')).id,
        members: [{ name: '陈校长', post: 'SCHOOL_LEADER' }, { name: '刘主任', post: 'MIDDLE_MANAGER' }, { name: '周主任', post: 'MIDDLE_MANAGER' }],
        startsOn: `${schoolYear + 1}-09-01`,
        endsOn: `${schoolYear + 3}-08-31`,
      }),
    GROUP_CHANGE: async () => post('edu', '/api/group-changes', { kind: 'ALLIANCE_LINK', groupId: (await db.educationGroup.findUniqueOrThrow({ where: { code: 'G01' } })).id, schoolId: (await school('G03-S1')).id }),
    NEW_SCHOOL_SUBSIDY: async () => post('edu', '/api/funding/new-school-subsidies', { schoolId: (await school('G01-S4')).id }),
    LECTURE_FEE: async () => {
      const lecturer = await db.teacher.findFirstOrThrow({ where: { homeSchool: { code: 'G01-S0' }, backbone: { not: 'NONE' } }, orderBy: { staffNo: 'asc' } });
      await post('g01-s1', '/api/funding/lecture-fees', { teacherId: lecturer.id, hours: 4, topic: '集团语文大单元教学专题讲座', lectureDate: `${schoolYear + 1}-03-15` });
    },
    STAFFING_ADJUSTMENT: async () => {
      const schools = await db.school.findMany({ where: { group: { code: 'G01' } }, orderBy: { code: 'asc' } });
      await post('g01-s0', '/api/staffing/adjustments', { groupId: schools[0]!.groupId, schoolYear: schoolYear + 1, total: 260, enrolments: schools.map((s, i) => ({ schoolId: s.id, enrolment: 1800 - i * 250 })) });
    },
    CADRE_PLACEMENT: () => post('org', '/api/cadre-placements', { candidateName: '赵强', category: 'RESERVE_CADRE', flagshipSchool: '蚌埠市第二实验小学（市级示范校）', startsOn: `${schoolYear + 1}-03-01`, endsOn: `${schoolYear + 1}-06-30` }),
  };
  const started: CaseTypeCode[] = [];
  for (const [type, start] of Object.entries(starters) as [CaseTypeCode, () => Promise<void>][]) {
    if (existing.has(type)) continue;
    await start();
    started.push(type);
  }

  // The yearly cycles run from Temporal Schedules; a new schedule is triggered once so its cases exist now.
  const cycleCases: Record<(typeof CYCLE_KINDS)[number], CaseTypeCode> = { GROUP_ASSESSMENT: 'GROUP_ASSESSMENT', COMMENDATION_ROUND: 'COMMENDATION_ROUND', ROTATION_PLANS: 'ROTATION_PLAN' };
  for (const kind of CYCLE_KINDS) {
    if (existing.has(cycleCases[kind])) continue;
    await post('scheduler', '/api/schedules', { kind, note: '演示数据创建 / created with the demo data' }).catch((err: unknown) => {
      if (!String(err).includes('SCHEDULE_EXISTS')) throw err;
    });
    await post('scheduler', `/api/schedules/${kind}/trigger`, { requestId: randomUUID() });
    started.push(cycleCases[kind]);
  }
  return started;
}
