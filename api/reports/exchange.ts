/**
 * Per group and school year: its teachers, those due for exchange (R-EXCH-ELIGIBLE), the rotation
 * plan, the teachers actually exchanging, and the R-EXCH-QUOTA / R-EXCH-BACKBONE checks on both.
 * Three grouped queries for the whole district, whatever its number of teachers.
 */
import type { PolicyConfig } from '../../policy/config.js';
import { schoolYearStartsAt } from '../../policy/exchange.js';
import { backboneShareCheck, dueIfJoinedOnOrBefore, exchangeQuotaCheck, formatShare, type ShareCheck } from '../../policy/reports.js';
import type { Db } from '../../prisma/client.js';
import { districtIds, type Scope } from './scope.js';
import { metOrNot, yesNo, type Column, type Lang } from './table.js';

export interface ExchangeRow {
  districtCode: string;
  groupId: string;
  groupCode: string;
  groupName: string;
  groupKind: 'TIGHT' | 'LOOSE';
  schoolYear: number;
  /** Teachers whose home school (人事关系) is in the group. */
  teachers: number;
  due: number;
  dueGraduating: number;
  plan: { planned: number; plannedBackbone: number; approved: boolean; quota: ShareCheck; backbone: ShareCheck } | null;
  exchanging: number;
  exchangingBackbone: number;
  /** Of those exchanging, the terms that start in this school year. */
  starting: number;
  quota: ShareCheck;
  backbone: ShareCheck;
}

interface TeacherCounts {
  groupId: string;
  teachers: number;
  due: number;
  dueGraduating: number;
}

interface ExchangeCounts {
  groupId: string;
  exchanging: number;
  backbone: number;
  starting: number;
}

export async function exchangeRows(db: Db, scope: Scope, query: { schoolYear: number; groupId?: string }, config: PolicyConfig): Promise<ExchangeRow[]> {
  const groups = await db.educationGroup.findMany({
    where: { districtId: { in: districtIds(scope) }, ...(query.groupId ? { id: query.groupId } : {}) },
    select: { id: true, code: true, name: true, kind: true, districtId: true },
    orderBy: { code: 'asc' },
  });
  const groupIds = groups.map((g) => g.id);
  const year = query.schoolYear;
  const dueCutoff = dueIfJoinedOnOrBefore(year, config);
  const yearBegan = schoolYearStartsAt(year, config);
  const [teachers, exchanges, plans] = await Promise.all([
    db.$queryRaw<TeacherCounts[]>`
      SELECT s."groupId",
             count(*)::int AS teachers,
             count(*) FILTER (WHERE t."joinedGroupOn" <= ${dueCutoff}::date)::int AS due,
             count(*) FILTER (WHERE t."joinedGroupOn" <= ${dueCutoff}::date AND t."graduatingClass")::int AS "dueGraduating"
      FROM "Teacher" t JOIN "School" s ON s.id = t."homeSchoolId"
      WHERE s."groupId" = ANY(${groupIds}::text[])
      GROUP BY s."groupId"`,
    // A term covers the school years from its start for its length; one ended early stops counting
    // from the first school year that began after it ended. Refused and rejected terms never ran.
    db.$queryRaw<ExchangeCounts[]>`
      SELECT e."groupId",
             count(*)::int AS exchanging,
             count(*) FILTER (WHERE t.backbone <> 'NONE')::int AS backbone,
             count(*) FILTER (WHERE e."startSchoolYear" = ${year}::int)::int AS starting
      FROM "TeacherExchange" e JOIN "Teacher" t ON t.id = e."teacherId"
      WHERE e."groupId" = ANY(${groupIds}::text[])
        AND e."startSchoolYear" <= ${year}::int AND e."startSchoolYear" + e."termSchoolYears" > ${year}::int
        AND (e.status IN ('APPROVED', 'ACTIVE', 'COMPLETED') OR (e.status = 'ENDED_EARLY' AND e."endedAt" >= ${yearBegan.toISOString()}::timestamp))
      GROUP BY e."groupId"`,
    db.rotationPlan.findMany({ where: { groupId: { in: groupIds }, schoolYear: year }, select: { groupId: true, plannedCount: true, backboneCount: true, approvedAt: true } }),
  ]);
  const district = new Map(scope.map((d) => [d.id, d.code]));
  const byGroup = <T extends { groupId: string }>(rows: T[]) => new Map(rows.map((r) => [r.groupId, r]));
  const teachersOf = byGroup(teachers);
  const exchangesOf = byGroup(exchanges);
  const planOf = byGroup(plans);
  return groups.map((g) => {
    const t = teachersOf.get(g.id) ?? { teachers: 0, due: 0, dueGraduating: 0 };
    const e = exchangesOf.get(g.id) ?? { exchanging: 0, backbone: 0, starting: 0 };
    const p = planOf.get(g.id);
    return {
      districtCode: district.get(g.districtId) ?? '',
      groupId: g.id,
      groupCode: g.code,
      groupName: g.name,
      groupKind: g.kind,
      schoolYear: year,
      teachers: t.teachers,
      due: t.due,
      dueGraduating: t.dueGraduating,
      plan: p
        ? {
            planned: p.plannedCount,
            plannedBackbone: p.backboneCount,
            approved: p.approvedAt !== null,
            quota: exchangeQuotaCheck(p.plannedCount, t.teachers, config),
            backbone: backboneShareCheck(p.backboneCount, p.plannedCount, config),
          }
        : null,
      exchanging: e.exchanging,
      exchangingBackbone: e.backbone,
      starting: e.starting,
      quota: exchangeQuotaCheck(e.exchanging, t.teachers, config),
      backbone: backboneShareCheck(e.backbone, e.exchanging, config),
    };
  });
}

export function exchangeColumns(config: PolicyConfig): Column<ExchangeRow>[] {
  const years = config.exchange.eligibleAfterYears;
  const quota = formatShare(config.exchange.minExchangeShare);
  const backbone = formatShare(config.exchange.minBackboneShare);
  const planCell = (cell: (plan: NonNullable<ExchangeRow['plan']>, lang: Lang) => string | number) => (r: ExchangeRow, lang: Lang) => (r.plan ? cell(r.plan, lang) : '');
  return [
    { zh: '区县编码', en: 'District code', cell: (r) => r.districtCode },
    { zh: '集团编码', en: 'Group code', cell: (r) => r.groupCode },
    { zh: '集团名称', en: 'Group', cell: (r) => r.groupName },
    { zh: '集团类型', en: 'Kind', cell: (r, lang) => (r.groupKind === 'TIGHT' ? (lang === 'zh' ? '紧密型' : 'tight') : lang === 'zh' ? '松散型' : 'loose') },
    { zh: '学年', en: 'School year', cell: (r) => `${r.schoolYear}-${r.schoolYear + 1}` },
    { zh: '集团教师数', en: 'Teachers', cell: (r) => r.teachers },
    { zh: `应交流教师数（满${years}年）`, en: `Due (≥ ${years} full years)`, cell: (r) => r.due },
    { zh: '其中毕业班教师', en: 'Due, graduating class', cell: (r) => r.dueGraduating },
    { zh: '轮岗计划人数', en: 'Planned', cell: planCell((p) => p.planned) },
    { zh: '计划中骨干教师', en: 'Planned backbone', cell: planCell((p) => p.plannedBackbone) },
    { zh: '计划已批准', en: 'Plan approved', cell: planCell((p, lang) => yesNo(p.approved, lang)) },
    { zh: `计划交流比例（≥${quota}）`, en: `Plan quota (≥ ${quota})`, cell: planCell((p, lang) => metOrNot(p.quota.met, lang)) },
    { zh: `计划骨干占比（≥${backbone}）`, en: `Plan backbone (≥ ${backbone})`, cell: planCell((p, lang) => metOrNot(p.backbone.met, lang)) },
    { zh: '在交流教师数', en: 'Exchanging', cell: (r) => r.exchanging },
    { zh: '其中本学年开始', en: 'Starting this year', cell: (r) => r.starting },
    { zh: '其中骨干教师', en: 'Exchanging backbone', cell: (r) => r.exchangingBackbone },
    { zh: `交流人数要求（≥${quota}）`, en: `Required (≥ ${quota})`, cell: (r) => r.quota.required },
    { zh: '交流比例是否达标', en: 'Quota', cell: (r, lang) => metOrNot(r.quota.met, lang) },
    { zh: `骨干人数要求（≥${backbone}）`, en: `Backbone required (≥ ${backbone})`, cell: (r) => r.backbone.required },
    { zh: '骨干占比是否达标', en: 'Backbone share', cell: (r, lang) => metOrNot(r.backbone.met, lang) },
  ];
}
