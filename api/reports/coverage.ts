/** R-COVERAGE per district: how many of its schools are inside a tight group, against each target year. */
import type { PolicyConfig } from '../../policy/config.js';
import { formatPercent, formatShare, tightGroupCoverage, type Coverage } from '../../policy/reports.js';
import type { Db } from '../../prisma/client.js';
import { districtIds, type Scope } from './scope.js';
import { metOrNot, type Column } from './table.js';

export interface CoverageRow extends Coverage {
  districtId: string;
  districtCode: string;
  districtName: string;
}

/**
 * Every school of the district counts as a compulsory-education school (the organisation data holds
 * no others). Membership is School.groupId: sub-core schools are inside, alliance links are not.
 */
export async function coverageRows(db: Db, scope: Scope, config: PolicyConfig): Promise<CoverageRow[]> {
  const where = { districtId: { in: districtIds(scope) } };
  const [all, tight] = await Promise.all([
    db.school.groupBy({ by: ['districtId'], where, _count: { _all: true } }),
    db.school.groupBy({ by: ['districtId'], where: { ...where, group: { kind: 'TIGHT' } }, _count: { _all: true } }),
  ]);
  const count = (rows: typeof all, id: string) => rows.find((r) => r.districtId === id)?._count._all ?? 0;
  return scope.map((d) => ({
    districtId: d.id,
    districtCode: d.code,
    districtName: d.name,
    ...tightGroupCoverage(count(tight, d.id), count(all, d.id), config),
  }));
}

export function coverageColumns(config: PolicyConfig): Column<CoverageRow>[] {
  return [
    { zh: '区县编码', en: 'District code', cell: (r) => r.districtCode },
    { zh: '区县名称', en: 'District', cell: (r) => r.districtName },
    { zh: '义务教育学校数', en: 'Schools', cell: (r) => r.schools },
    { zh: '紧密型集团内学校数', en: 'Schools in a tight group', cell: (r) => r.inTightGroup },
    { zh: '覆盖率', en: 'Coverage', cell: (r) => formatPercent(r.inTightGroup, r.schools) },
    ...config.coverageTargets.flatMap((target, i): Column<CoverageRow>[] => [
      { zh: `${target.year}年目标`, en: `Target ${target.year}`, cell: () => `≥ ${formatShare(target.share)}` },
      { zh: `${target.year}年目标所需学校数`, en: `Schools needed for ${target.year}`, cell: (r) => r.targets[i]!.requiredSchools },
      { zh: `${target.year}年目标是否达成`, en: `${target.year} target`, cell: (r, lang) => metOrNot(r.targets[i]!.met, lang) },
    ]),
  ];
}
