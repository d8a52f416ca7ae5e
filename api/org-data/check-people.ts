/** Teachers and officials: their schools and units, their dates, and their effect on running cases. */
import { randomUUID } from 'node:crypto';
import type { CheckContext, Final, ImportPlan } from './plan.js';
import { checkable, inChunks, isoDate, mergeRow, problemAt, requireColumnsForNew, tally, uniqueRows } from './plan.js';
import type { DbReader, DistrictState } from './check-import.js';
import { ROLES, type OfficialView, type SchoolView, type TeacherView } from './entities.js';
import type { ParsedRow } from './read-import.js';

/** Officials created by an import cannot log in until an administrator gives them a password. */
export const UNUSABLE_PASSWORD_HASH = '!imported-no-password';

/** Bind parameters per query stay well under PostgreSQL's 65 535. */
const LOOKUP_CHUNK = 5000;

export async function checkTeachers(db: DbReader, plan: ImportPlan, ctx: CheckContext, rows: ParsedRow<'teachers'>[], district: DistrictState, schools: Map<string, Final<SchoolView>>) {
  const unique = uniqueRows('teachers', rows, plan.problems);
  const storedRows = await inChunks(
    unique.map((r) => r.values.staffNo!),
    LOOKUP_CHUNK,
    (staffNos) => db.teacher.findMany({ where: { staffNo: { in: staffNos } }, include: { homeSchool: { select: { districtId: true } } } }),
  );
  const storedByStaffNo = new Map(storedRows.map((t) => [t.staffNo, t]));
  const movers: { row: ParsedRow<'teachers'>; id: string; field: 'homeSchool' | 'currentSchool' }[] = [];

  for (const row of unique) {
    const staffNo = row.values.staffNo!;
    const record = storedByStaffNo.get(staffNo);
    if (record && record.homeSchool.districtId !== ctx.districtId) {
      plan.problems.push(problemAt(row, 'staffNo', 'KEY_IN_OTHER_DISTRICT'));
      continue;
    }
    const stored: TeacherView | undefined = record && {
      staffNo,
      name: record.name,
      homeSchool: district.schoolCodeById.get(record.homeSchoolId) ?? record.homeSchoolId,
      currentSchool: district.schoolCodeById.get(record.currentSchoolId) ?? record.currentSchoolId,
      joinedGroupOn: isoDate(record.joinedGroupOn),
      backbone: record.backbone,
      graduatingClass: record.graduatingClass,
      title: record.title,
    };
    const view = mergeRow('teachers', stored, row);
    requireColumnsForNew(plan, row, stored);
    view.currentSchool ??= view.homeSchool;
    const home = schools.get(view.homeSchool);
    const current = schools.get(view.currentSchool);
    if (checkable(row, stored)) {
      if (!home) plan.problems.push(problemAt(row, 'homeSchool', 'UNKNOWN_SCHOOL'));
      if (!current && row.values.currentSchool) plan.problems.push(problemAt(row, 'currentSchool', 'UNKNOWN_SCHOOL'));
      if (row.values.joinedGroupOn && row.values.joinedGroupOn > ctx.today) plan.problems.push(problemAt(row, 'joinedGroupOn', 'FUTURE_DATE', { today: ctx.today }));
      if (home && view.joinedGroupOn < home.view.foundedOn) plan.problems.push(problemAt(row, 'joinedGroupOn', 'JOINED_BEFORE_FOUNDED', { school: view.homeSchool, foundedOn: home.view.foundedOn }));
    }

    const id = record?.id ?? randomUUID();
    const fields = tally(plan, 'teachers', row, stored, view);
    const data = {
      id,
      staffNo,
      name: view.name,
      homeSchoolId: home?.id ?? '',
      currentSchoolId: current?.id ?? '',
      joinedGroupOn: view.joinedGroupOn,
      backbone: view.backbone,
      graduatingClass: view.graduatingClass,
      title: view.title,
    };
    if (!record) plan.writes.teachers.create.push(data);
    else if (fields.length > 0) plan.writes.teachers.update.push(data);
    const moved = fields.find((f) => f.field === 'homeSchool') ?? fields.find((f) => f.field === 'currentSchool');
    if (record && moved) movers.push({ row, id, field: moved.field as 'homeSchool' | 'currentSchool' });
  }
  await refuseMovesDuringExchange(db, plan, movers);
}

/** A teacher on a running exchange term (R-EXCH-RETURN) is not moved behind the case's back. */
async function refuseMovesDuringExchange(db: DbReader, plan: ImportPlan, movers: { row: ParsedRow<'teachers'>; id: string; field: 'homeSchool' | 'currentSchool' }[]) {
  const running = await inChunks(
    movers.map((m) => m.id),
    LOOKUP_CHUNK,
    (ids) => db.case.findMany({ where: { teacherId: { in: ids }, type: 'TEACHER_EXCHANGE', status: { in: ['RUNNING', 'RETURNED'] } }, select: { teacherId: true, title: true } }),
  );
  for (const { row, id, field } of movers) {
    const cases = running.filter((c) => c.teacherId === id).map((c) => c.title);
    if (cases.length > 0) plan.problems.push(problemAt(row, field, 'RUNNING_EXCHANGE', { cases: cases.join('、') }));
  }
}

export async function checkOfficials(db: DbReader, plan: ImportPlan, ctx: CheckContext, rows: ParsedRow<'officials'>[], district: DistrictState, schools: Map<string, Final<SchoolView>>) {
  const unique = uniqueRows('officials', rows, plan.problems);
  const storedRows = await inChunks(
    unique.map((r) => r.values.login!),
    LOOKUP_CHUNK,
    (logins) => db.official.findMany({ where: { login: { in: logins } }, include: { unit: { select: { code: true, districtId: true } }, school: { select: { code: true, districtId: true } } } }),
  );
  const storedByLogin = new Map(storedRows.map((o) => [o.login, o]));

  for (const parsed of unique) {
    const login = parsed.values.login!;
    const record = storedByLogin.get(login);
    const recordDistrict = record?.unit?.districtId ?? record?.school?.districtId;
    if (recordDistrict !== undefined && recordDistrict !== ctx.districtId) {
      plan.problems.push(problemAt(parsed, 'login', 'KEY_IN_OTHER_DISTRICT'));
      continue;
    }
    const stored: OfficialView | undefined = record && {
      login,
      displayName: record.displayName,
      email: record.email,
      unit: record.unit?.code ?? null,
      school: record.school?.code ?? null,
      roles: ROLES.map((r) => r.code).filter((code) => (record.roles as string[]).includes(code)) as OfficialView['roles'],
      isUnitLead: record.isUnitLead,
      active: record.active,
    };
    const row = withAffiliation(parsed);
    const view = mergeRow('officials', stored, row);
    requireColumnsForNew(plan, row, stored);
    const unitId = view.unit === null ? undefined : district.units.get(view.unit);
    const school = view.school === null ? undefined : schools.get(view.school);
    if (checkable(row, stored)) {
      if (view.unit !== null && !unitId) plan.problems.push(problemAt(row, 'unit', 'UNKNOWN_UNIT'));
      if (view.school !== null && !school) plan.problems.push(problemAt(row, 'school', 'UNKNOWN_SCHOOL'));
      if ((view.unit === null) === (view.school === null)) plan.problems.push(problemAt(row, row.sheet.columnOf.unit === undefined ? 'school' : 'unit', 'AFFILIATION'));
      if (login === ctx.actorLogin && (!view.roles.includes('ADMIN') || !view.active)) plan.problems.push(problemAt(row, view.active ? 'roles' : 'active', 'SELF_LOCKOUT'));
    }

    const id = record?.id ?? randomUUID();
    const fields = tally(plan, 'officials', row, stored, view);
    const data = { displayName: view.displayName, email: view.email, roles: [...view.roles], unitId: unitId ?? null, schoolId: school?.id ?? null, isUnitLead: view.isUnitLead, active: view.active };
    if (!record) plan.writes.officials.create.push({ id, login, passwordHash: UNUSABLE_PASSWORD_HASH, ...data });
    else if (fields.length > 0) plan.writes.officials.update.push({ id, data });
  }
}

/** Unit and school say together where an official belongs: a sheet with either column states both. */
function withAffiliation(row: ParsedRow<'officials'>): ParsedRow<'officials'> {
  const { columnOf } = row.sheet;
  if (columnOf.unit === undefined && columnOf.school === undefined) return row;
  return { ...row, values: { ...row.values, unit: row.values.unit ?? null, school: row.values.school ?? null } };
}
