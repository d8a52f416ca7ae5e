/** What officials read about the organisation cases: default titles and explanations, zh-CN first. */
import { cadreCategoryTitles, type CadreCategory } from '../../policy/cadre.js';
import type { GroupChangeKind, GroupSizeVerdict } from '../../policy/group-structure.js';
import type { SecondmentDirection, TeamShortfall } from '../../policy/secondment.js';

const directionTitles: Record<SecondmentDirection, { zh: string; en: string }> = {
  CORE_TO_MEMBER: { zh: '核心校向成员校派驻管理团队', en: 'Core school team seconded to a member school' },
  MEMBER_TO_CORE: { zh: '成员校向核心校派出跟岗干部', en: 'Member school team posted to the core school' },
  NEW_SCHOOL: { zh: '核心校团队领办新接管学校', en: 'Core school team leads a newly taken-over school' },
};

export function secondmentTitle(direction: SecondmentDirection, from: string, to: string): string {
  return `${directionTitles[direction].zh}：${from} → ${to} / ${directionTitles[direction].en}`;
}

const changeTitles: Record<GroupChangeKind, { zh: string; en: string }> = {
  ADD_MEMBER: { zh: '加入集团', en: 'joins the group' },
  REMOVE_MEMBER: { zh: '退出集团', en: 'leaves the group' },
  ALLIANCE_LINK: { zh: '结为联盟校', en: 'becomes an alliance school' },
  SUB_CORE: { zh: '升格为子集团核心校', en: 'becomes a sub-group core' },
};

export function groupChangeTitle(kind: GroupChangeKind, group: string, school: string): string {
  return `${school}${changeTitles[kind].zh}（${group}） / ${school} ${changeTitles[kind].en} (${group})`;
}

export function cadreTitle(category: CadreCategory, candidate: string, flagshipSchool: string): string {
  const c = cadreCategoryTitles[category];
  return `${c.zh}${candidate}赴${flagshipSchool}跟岗锻炼 / ${c.en} ${candidate}: shadow placement at ${flagshipSchool}`;
}

const needTitles: Record<TeamShortfall['need'], { zh: string; en: string }> = {
  SCHOOL_LEADER: { zh: '校级领导', en: 'school-level leaders' },
  PRINCIPAL: { zh: '校长', en: 'principals' },
  MIDDLE_MANAGER: { zh: '中层干部', en: 'middle managers' },
};

/** R-SECOND-OUT / R-SECOND-IN: each shortfall with a sentence saying what to add. */
export function teamShortfallDetails(shortfalls: readonly TeamShortfall[]) {
  return shortfalls.map((s) => ({
    ...s,
    message: {
      zh: `至少需要${s.required}名${needTitles[s.need].zh}，现有${s.actual}名。`,
      en: `At least ${s.required} ${needTitles[s.need].en} needed, ${s.actual} given.`,
    },
  }));
}

/** R-GROUP-SIZE: a removal that leaves a group below its minimum goes ahead, with this warning. */
export function groupChangeWarnings(verdict: GroupSizeVerdict) {
  return verdict === 'BELOW_MIN'
    ? [{ code: 'GROUP_BELOW_MIN_SIZE', zh: '调整后集团成员校少于标准规模下限，请在三年评估中研究集团结构。', en: 'After this change the group is below the standard minimum size; review its structure at the three-year review.' }]
    : [];
}
