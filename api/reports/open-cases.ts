/**
 * Open and overdue work per unit, and per school for tasks routed to a school (the group's core
 * school or a member school): pending tasks, overdue ones, the distinct cases they belong to, and the
 * oldest deadline. One grouped query per kind of routing.
 */
import { Prisma } from '../../generated/prisma/client.js';
import type { PolicyConfig } from '../../policy/config.js';
import type { Db } from '../../prisma/client.js';
import { districtIds, type Scope } from './scope.js';
import type { Column } from './table.js';

export interface OpenCasesRow {
  districtCode: string;
  routedTo: 'UNIT' | 'SCHOOL';
  id: string;
  code: string;
  name: string;
  nameEn: string;
  pendingTasks: number;
  overdueTasks: number;
  openCases: number;
  oldestDueAt: Date | null;
}

interface TaskCounts {
  id: string;
  pending: number;
  overdue: number;
  cases: number;
  oldest: Date;
}

/**
 * A task counts as overdue once its deadline has passed, even before the chain's timer has flagged it.
 * Every unit of the district is listed (zeros included); schools only when tasks wait on them.
 */
export async function openCasesRows(db: Db, scope: Scope): Promise<OpenCasesRow[]> {
  const ids = districtIds(scope);
  const [units, schools] = await Promise.all([
    db.unit.findMany({ where: { districtId: { in: ids } }, select: { id: true, code: true, name: true, nameEn: true, districtId: true } }),
    db.school.findMany({ where: { districtId: { in: ids } }, select: { id: true, code: true, name: true, districtId: true } }),
  ]);
  const pendingBy = (column: 'unitId' | 'schoolId', targets: string[]) => {
    const routed = Prisma.raw(`"${column}"`);
    return db.$queryRaw<TaskCounts[]>`
      SELECT ${routed} AS id, count(*)::int AS pending,
             count(*) FILTER (WHERE overdue OR "dueAt" < (now() AT TIME ZONE 'UTC'))::int AS overdue,
             count(DISTINCT "caseId")::int AS cases, min("dueAt") AS oldest
      FROM "ApprovalTask"
      WHERE state = 'PENDING' AND ${routed} = ANY(${targets}::text[])
      GROUP BY ${routed}`;
  };
  const [unitCounts, schoolCounts] = await Promise.all([pendingBy('unitId', units.map((u) => u.id)), pendingBy('schoolId', schools.map((s) => s.id))]);
  const district = new Map(scope.map((d) => [d.id, d.code]));
  const unitStats = new Map(unitCounts.map((c) => [c.id, c]));
  const row = (routedTo: OpenCasesRow['routedTo'], target: { id: string; code: string; name: string; nameEn?: string; districtId: string }, c: TaskCounts | undefined): OpenCasesRow => ({
    districtCode: district.get(target.districtId) ?? '',
    routedTo,
    id: target.id,
    code: target.code,
    name: target.name,
    nameEn: target.nameEn ?? target.name,
    pendingTasks: c?.pending ?? 0,
    overdueTasks: c?.overdue ?? 0,
    openCases: c?.cases ?? 0,
    oldestDueAt: c?.oldest ?? null,
  });
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const byCode = (a: OpenCasesRow, b: OpenCasesRow) => a.districtCode.localeCompare(b.districtCode) || a.code.localeCompare(b.code);
  return [
    ...units.map((u) => row('UNIT', u, unitStats.get(u.id))).sort(byCode),
    ...schoolCounts.map((c) => row('SCHOOL', schoolOf.get(c.id)!, c)).sort(byCode),
  ];
}

/** Deadlines shown in the bureau's time zone, to the minute. */
function localDateTime(at: Date, config: PolicyConfig): string {
  const local = new Date(at.getTime() + config.utcOffsetMinutes * 60_000).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)}`;
}

export function openCasesColumns(config: PolicyConfig): Column<OpenCasesRow>[] {
  return [
    { zh: '区县编码', en: 'District code', cell: (r) => r.districtCode },
    { zh: '类型', en: 'Routed to', cell: (r, lang) => (r.routedTo === 'UNIT' ? (lang === 'zh' ? '单位' : 'unit') : lang === 'zh' ? '学校' : 'school') },
    { zh: '编码', en: 'Code', cell: (r) => r.code },
    { zh: '名称', en: 'Name', cell: (r, lang) => (lang === 'zh' ? r.name : r.nameEn) },
    { zh: '待办数', en: 'Pending tasks', cell: (r) => r.pendingTasks },
    { zh: '逾期数', en: 'Overdue tasks', cell: (r) => r.overdueTasks },
    { zh: '未办结事项数', en: 'Open cases', cell: (r) => r.openCases },
    { zh: '最早截止时间（北京时间）', en: 'Oldest deadline (Beijing time)', cell: (r) => (r.oldestDueAt ? localDateTime(r.oldestDueAt, config) : '') },
  ];
}
