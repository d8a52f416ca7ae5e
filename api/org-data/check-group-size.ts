/**
 * R-GROUP-SIZE for the groups an import touches, counted on the district as it would be after the
 * import: a tight group has `groupSize.min`–`max` member schools; up to `hardMax` with EDU's
 * approval (a warning here, since the justification is approved outside the import); more is an
 * error. A group also needs exactly one core school, the first approver inside it.
 */
import type { PolicyConfig } from '../../policy/config.js';
import type { GroupView, SchoolView } from './entities.js';
import { problemAt, type Final, type ImportPlan } from './plan.js';
import type { ParsedRow } from './read-import.js';

/** The row a group's problems are reported on: its own row, else the school row that moved into or out of it. */
export type GroupTouch = { row: ParsedRow<'groups'>; field: 'code' } | { row: ParsedRow<'schools'>; field: 'group' };

export function checkGroupSizes(plan: ImportPlan, config: PolicyConfig, groups: Map<string, Final<GroupView>>, schools: Map<string, Final<SchoolView>>, touched: Map<string, GroupTouch>): void {
  const members = new Map<string, number>();
  const cores = new Map<string, number>();
  for (const { view } of schools.values()) {
    if (view.group === null) continue;
    const tally = view.role === 'CORE' ? cores : members;
    tally.set(view.group, (tally.get(view.group) ?? 0) + 1);
  }
  const { min, max, hardMax } = config.groupSize;
  for (const [code, touch] of touched) {
    const group = groups.get(code)?.view;
    if (!group) continue;
    const report = (problem: Parameters<typeof problemAt>[2], params: Record<string, string | number>) =>
      plan.problems.push(touch.field === 'code' ? problemAt(touch.row, 'code', problem, params) : problemAt(touch.row, 'group', problem, params));
    const name = `${group.name}（${code}）`;
    const coreCount = cores.get(code) ?? 0;
    if (coreCount > 1) report('GROUP_SEVERAL_CORES', { group: name, count: coreCount });
    if (coreCount === 0) report('GROUP_NO_CORE', { group: name });
    if (group.kind !== 'TIGHT') continue;
    const count = members.get(code) ?? 0;
    if (count > hardMax) report('GROUP_TOO_LARGE', { group: name, count, hardMax });
    else if (count > max) report('GROUP_NEEDS_JUSTIFICATION', { group: name, count, max });
    else if (count < min) report('GROUP_TOO_SMALL', { group: name, count, min });
  }
}
