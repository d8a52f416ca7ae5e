/** A generated district for benchmarks: tight groups of six schools (one core), schools outside any group, teachers spread over the groups. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../prisma/client.js';

const CHUNK = 5000;
const DAY_MS = 86_400_000;
export const SCHOOLS_PER_GROUP = 6;

export async function inChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) await insert(rows.slice(i, i + CHUNK));
}

export async function generateDistrict(db: Db, district: { id: string }, tag: string, size: { teachers: number; groups: number; outsideSchools: number }) {
  const groups = Array.from({ length: size.groups }, (_, g) => ({ id: randomUUID(), code: `BG${g}-${tag}`, name: `第${g + 1}教育集团`, districtId: district.id }));
  await db.educationGroup.createMany({ data: groups });
  const schools = groups.flatMap((group, g) =>
    Array.from({ length: SCHOOLS_PER_GROUP }, (_, s) => ({
      id: randomUUID(),
      code: `BS${g}-${s}-${tag}`,
      name: `第${g + 1}集团第${s + 1}校`,
      districtId: district.id,
      groupId: group.id,
      role: s === 0 ? ('CORE' as const) : ('MEMBER' as const),
      foundedOn: new Date(s === SCHOOLS_PER_GROUP - 1 ? '2024-09-01' : '1990-09-01'),
    })),
  );
  const outside = Array.from({ length: size.outsideSchools }, (_, s) => ({ id: randomUUID(), code: `BO${s}-${tag}`, name: `独立学校${s + 1}`, districtId: district.id, foundedOn: new Date('2000-09-01') }));
  await db.school.createMany({ data: [...schools, ...outside] });

  const teachers = Array.from({ length: size.teachers }, (_, t) => {
    const school = schools[t % schools.length]!;
    return {
      id: randomUUID(),
      staffNo: `BT${t}-${tag}`,
      name: `教师${t}`,
      homeSchoolId: school.id,
      currentSchoolId: school.id,
      joinedGroupOn: new Date(Date.UTC(2008, 8, 1) + (t % 6200) * DAY_MS),
      backbone: t % 3 === 0 ? ('BACKBONE' as const) : ('NONE' as const),
      graduatingClass: t % 6 === 0,
    };
  });
  await inChunks(teachers, (chunk) => db.teacher.createMany({ data: chunk }));
  return { groups, schools, outside, teachers: teachers.map((t, i) => ({ ...t, groupId: schools[i % schools.length]!.groupId, schoolId: t.homeSchoolId })) };
}
