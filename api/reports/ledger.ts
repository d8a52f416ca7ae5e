/**
 * The subsidy ledger per school and school year: sums by kind (R-FUND-NEWSCHOOL, R-FUND-RESERVE,
 * R-FUND-LECTURE), in fen as stored, with a yuan string for reading. One grouped query.
 */
import { LedgerKind } from '../../generated/prisma/enums.js';
import { formatYuan } from '../../policy/reports.js';
import type { Db } from '../../prisma/client.js';
import { districtIds, type Scope } from './scope.js';
import type { Column } from './table.js';

/** A kind added to the schema fails to compile here until it has its titles, so no sum is left out. */
const KIND_TITLES: Record<LedgerKind, { zh: string; en: string }> = {
  NEW_SCHOOL_CAMPUS: { zh: '新建学校校区经费', en: 'New-school campus funds' },
  NEW_SCHOOL_RESERVE: { zh: '新建学校运转补助', en: 'New-school operating reserve' },
  LECTURE_FEE: { zh: '专家讲学费', en: 'Expert lecture fees' },
};
const LEDGER_KINDS = Object.values(LedgerKind);

export interface Amount {
  fen: number;
  yuan: string;
  entries: number;
}

export interface LedgerRow {
  districtCode: string;
  schoolId: string;
  schoolCode: string;
  schoolName: string;
  schoolYear: number;
  byKind: Record<LedgerKind, Amount>;
  total: Amount;
}

const amount = (fen: number, entries: number): Amount => ({ fen, yuan: formatYuan(fen), entries });

export async function ledgerRows(db: Db, scope: Scope, query: { schoolId?: string; schoolYear?: number }): Promise<LedgerRow[]> {
  const schools = await db.school.findMany({
    where: { districtId: { in: districtIds(scope) }, ...(query.schoolId ? { id: query.schoolId } : {}) },
    select: { id: true, code: true, name: true, districtId: true },
  });
  const sums = await db.ledgerEntry.groupBy({
    by: ['schoolId', 'schoolYear', 'kind'],
    where: { schoolId: { in: schools.map((s) => s.id) }, ...(query.schoolYear !== undefined ? { schoolYear: query.schoolYear } : {}) },
    _sum: { amountFen: true },
    _count: { _all: true },
  });
  const schoolOf = new Map(schools.map((s) => [s.id, s]));
  const district = new Map(scope.map((d) => [d.id, d.code]));
  const rows = new Map<string, LedgerRow>();
  for (const sum of sums) {
    const key = `${sum.schoolId}:${sum.schoolYear}`;
    let row = rows.get(key);
    if (!row) {
      const school = schoolOf.get(sum.schoolId)!;
      row = {
        districtCode: district.get(school.districtId) ?? '',
        schoolId: school.id,
        schoolCode: school.code,
        schoolName: school.name,
        schoolYear: sum.schoolYear,
        byKind: Object.fromEntries(LEDGER_KINDS.map((k) => [k, amount(0, 0)])) as Record<LedgerKind, Amount>,
        total: amount(0, 0),
      };
      rows.set(key, row);
    }
    const fen = Number(sum._sum.amountFen ?? 0);
    row.byKind[sum.kind] = amount(fen, sum._count._all);
    row.total = amount(row.total.fen + fen, row.total.entries + sum._count._all);
  }
  return [...rows.values()].sort((a, b) => a.districtCode.localeCompare(b.districtCode) || a.schoolCode.localeCompare(b.schoolCode) || a.schoolYear - b.schoolYear);
}

export function ledgerColumns(): Column<LedgerRow>[] {
  const money = (title: { zh: string; en: string }, pick: (r: LedgerRow) => Amount): Column<LedgerRow>[] => [
    { zh: `${title.zh}（分）`, en: `${title.en} (fen)`, cell: (r) => pick(r).fen },
    { zh: `${title.zh}（元）`, en: `${title.en} (CNY)`, cell: (r) => pick(r).yuan },
  ];
  return [
    { zh: '区县编码', en: 'District code', cell: (r) => r.districtCode },
    { zh: '学校编码', en: 'School code', cell: (r) => r.schoolCode },
    { zh: '学校名称', en: 'School', cell: (r) => r.schoolName },
    { zh: '学年', en: 'School year', cell: (r) => `${r.schoolYear}-${r.schoolYear + 1}` },
    ...LEDGER_KINDS.flatMap((kind) => money(KIND_TITLES[kind], (r) => r.byKind[kind])),
    ...money({ zh: '合计', en: 'Total' }, (r) => r.total),
    { zh: '记账笔数', en: 'Entries', cell: (r) => r.total.entries },
  ];
}
