/**
 * The dry run: every row checked against the other rows and the database, and the writes a clean
 * import would make. Reads only, so the same check runs for the report and, again, inside the
 * transaction that applies the import.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../../generated/prisma/client.js';
import { checkOfficials, checkTeachers } from './check-people.js';
import { checkGroupSizes, type GroupTouch } from './check-group-size.js';
import type { GroupView, SchoolView } from './entities.js';
import { checkable, emptyPlan, isoDate, mergeRow, problemAt, requireColumnsForNew, tally, uniqueRows, type CheckContext, type Final, type ImportPlan } from './plan.js';
import type { ImportInput, ParsedRow } from './read-import.js';

export type DbReader = Prisma.TransactionClient;

/** The district as stored, by natural key. */
export interface DistrictState {
  groups: Map<string, Final<GroupView>>;
  schools: Map<string, Final<SchoolView>>;
  schoolCodeById: Map<string, string>;
  units: Map<string, string>;
}

/** A school whose founding date moves later, which may now postdate its teachers' join dates. */
export interface LaterFounding {
  row: ParsedRow<'schools'>;
  schoolId: string;
  foundedOn: string;
}

export async function checkImport(db: DbReader, input: ImportInput, ctx: CheckContext): Promise<ImportPlan> {
  const plan = emptyPlan([...input.problems]);
  const district = await loadDistrict(db, ctx.districtId);
  const groups = await checkGroups(db, plan, ctx, input.rows.groups, district);
  const touched = new Map<string, GroupTouch>();
  for (const row of input.rows.groups) if (!touched.has(row.values.code!)) touched.set(row.values.code!, { row, field: 'code' });
  const { schools, laterFounding } = await checkSchools(db, plan, ctx, input.rows.schools, district, groups, touched);
  checkGroupSizes(plan, ctx.config, groups, schools, touched);
  const fileStaffNos = new Set(input.rows.teachers.map((r) => r.values.staffNo!));
  await checkTeachers(db, plan, ctx, input.rows.teachers, district, schools);
  await checkFoundingDates(db, plan, laterFounding, fileStaffNos);
  await checkOfficials(db, plan, ctx, input.rows.officials, district, schools);
  return plan;
}

async function loadDistrict(db: DbReader, districtId: string): Promise<DistrictState> {
  const [groupRows, schoolRows, unitRows] = await Promise.all([
    db.educationGroup.findMany({ where: { districtId } }),
    db.school.findMany({ where: { districtId }, include: { campuses: { select: { name: true } } } }),
    db.unit.findMany({ where: { districtId }, select: { id: true, code: true } }),
  ]);
  const groupCodeById = new Map(groupRows.map((g) => [g.id, g.code]));
  return {
    groups: new Map(groupRows.map((g) => [g.code, { id: g.id, view: { code: g.code, name: g.name, kind: g.kind, tier: g.tier } }])),
    schools: new Map(schoolRows.map((s) => [s.code, { id: s.id, view: storedSchool(s, groupCodeById) }])),
    schoolCodeById: new Map(schoolRows.map((s) => [s.id, s.code])),
    units: new Map(unitRows.map((u) => [u.code, u.id])),
  };
}

export function storedSchool(s: { code: string; name: string; groupId: string | null; role: SchoolView['role']; foundedOn: Date; weak: boolean; campuses: { name: string }[] }, groupCodeById: Map<string, string>): SchoolView {
  return {
    code: s.code,
    name: s.name,
    group: s.groupId ? (groupCodeById.get(s.groupId) ?? null) : null,
    role: s.role,
    foundedOn: isoDate(s.foundedOn),
    weak: s.weak,
    campuses: s.campuses.map((c) => c.name).sort((a, b) => a.localeCompare(b, 'zh-CN')),
  };
}

/** Natural keys from the file that another district already holds (they are unique nationwide here). */
async function takenElsewhere(find: (codes: string[]) => Promise<{ code: string }[]>, codes: string[]): Promise<Set<string>> {
  return new Set(codes.length === 0 ? [] : (await find(codes)).map((r) => r.code));
}

async function checkGroups(db: DbReader, plan: ImportPlan, ctx: CheckContext, rows: ParsedRow<'groups'>[], district: DistrictState) {
  const final = new Map(district.groups);
  const unique = uniqueRows('groups', rows, plan.problems);
  const elsewhere = await takenElsewhere((codes) => db.educationGroup.findMany({ where: { code: { in: codes }, districtId: { not: ctx.districtId } }, select: { code: true } }), unique.map((r) => r.values.code!));
  for (const row of unique) {
    const code = row.values.code!;
    if (elsewhere.has(code)) {
      plan.problems.push(problemAt(row, 'code', 'KEY_IN_OTHER_DISTRICT'));
      continue;
    }
    const stored = district.groups.get(code);
    const view = mergeRow('groups', stored?.view, row);
    const id = stored?.id ?? randomUUID();
    requireColumnsForNew(plan, row, stored?.view);
    const fields = tally(plan, 'groups', row, stored?.view, view);
    const data = { name: view.name, kind: view.kind, tier: view.tier };
    if (!stored) plan.writes.groups.create.push({ id, code, districtId: ctx.districtId, ...data });
    else if (fields.length > 0) plan.writes.groups.update.push({ id, data });
    final.set(code, { id, view });
  }
  return final;
}

async function checkSchools(db: DbReader, plan: ImportPlan, ctx: CheckContext, rows: ParsedRow<'schools'>[], district: DistrictState, groups: Map<string, Final<GroupView>>, touched: Map<string, GroupTouch>) {
  const final = new Map(district.schools);
  const laterFounding: LaterFounding[] = [];
  const regrouped: { row: ParsedRow<'schools'>; id: string }[] = [];
  const unique = uniqueRows('schools', rows, plan.problems);
  const elsewhere = await takenElsewhere((codes) => db.school.findMany({ where: { code: { in: codes }, districtId: { not: ctx.districtId } }, select: { code: true } }), unique.map((r) => r.values.code!));
  for (const row of unique) {
    const code = row.values.code!;
    if (elsewhere.has(code)) {
      plan.problems.push(problemAt(row, 'code', 'KEY_IN_OTHER_DISTRICT'));
      continue;
    }
    const stored = district.schools.get(code);
    const view = mergeRow('schools', stored?.view, row);
    requireColumnsForNew(plan, row, stored?.view);
    const group = view.group === null ? undefined : groups.get(view.group);
    if (checkable(row, stored)) {
      if (view.group !== null && !group) plan.problems.push(problemAt(row, 'group', 'UNKNOWN_GROUP'));
      if (view.role === 'CORE' && view.group === null) plan.problems.push(problemAt(row, 'role', 'CORE_WITHOUT_GROUP'));
      if (row.values.foundedOn && row.values.foundedOn > ctx.today) plan.problems.push(problemAt(row, 'foundedOn', 'FUTURE_DATE', { today: ctx.today }));
    }

    const id = stored?.id ?? randomUUID();
    const fields = tally(plan, 'schools', row, stored?.view, view);
    const data = { name: view.name, groupId: group?.id ?? null, role: view.role, foundedOn: new Date(view.foundedOn), weak: view.weak };
    if (!stored) {
      plan.writes.schools.create.push({ id, code, districtId: ctx.districtId, ...data });
      plan.writes.campuses.create.push(...view.campuses.map((name) => ({ schoolId: id, name })));
    } else if (fields.some((f) => f.field !== 'campuses')) plan.writes.schools.update.push({ id, data });
    if (stored && fields.some((f) => f.field === 'campuses')) {
      plan.writes.campuses.create.push(...view.campuses.filter((c) => !stored.view.campuses.includes(c)).map((name) => ({ schoolId: id, name })));
      const removed = stored.view.campuses.filter((c) => !view.campuses.includes(c));
      if (removed.length > 0) plan.writes.campuses.remove.push({ schoolId: id, names: removed });
    }
    if (stored && view.foundedOn > stored.view.foundedOn) laterFounding.push({ row, schoolId: id, foundedOn: view.foundedOn });
    if (!stored || stored.view.group !== view.group || stored.view.role !== view.role) {
      for (const groupCode of [view.group, stored?.view.group]) if (groupCode && !touched.has(groupCode)) touched.set(groupCode, { row, field: 'group' });
      if (stored) regrouped.push({ row, id });
    }
    final.set(code, { id, view });
  }
  await warnRunningCases(db, plan, regrouped);
  return { schools: final, laterFounding };
}

/** Cases already started keep the approvers resolved when they started; the admin should know. */
async function warnRunningCases(db: DbReader, plan: ImportPlan, regrouped: { row: ParsedRow<'schools'>; id: string }[]) {
  if (regrouped.length === 0) return;
  const running = await db.case.groupBy({ by: ['schoolId'], where: { schoolId: { in: regrouped.map((r) => r.id) }, status: { in: ['RUNNING', 'RETURNED'] } }, _count: { _all: true } });
  for (const { row, id } of regrouped) {
    const count = running.find((r) => r.schoolId === id)?._count._all;
    if (count) plan.problems.push(problemAt(row, 'group', 'SCHOOL_HAS_RUNNING_CASES', { count }));
  }
}

async function checkFoundingDates(db: DbReader, plan: ImportPlan, laterFounding: LaterFounding[], fileStaffNos: Set<string>) {
  for (const { row, schoolId, foundedOn } of laterFounding) {
    // Teachers in the file are checked against the new date on their own rows.
    const earlier = (await db.teacher.findMany({ where: { homeSchoolId: schoolId, joinedGroupOn: { lt: new Date(foundedOn) } }, select: { staffNo: true, joinedGroupOn: true }, orderBy: { joinedGroupOn: 'asc' } })).filter(
      (t) => !fileStaffNos.has(t.staffNo),
    );
    const first = earlier[0];
    if (first) plan.problems.push(problemAt(row, 'foundedOn', 'FOUNDED_AFTER_TEACHERS_JOINED', { count: earlier.length, example: first.staffNo, joined: isoDate(first.joinedGroupOn) }));
  }
}
