/**
 * Every problem an import can report, with its severity and its reason in zh-CN and English.
 * Errors stop the import (nothing is written); warnings are shown and the import may go ahead.
 */
export type Params = Record<string, string | number>;

interface ProblemKind {
  severity: 'error' | 'warning';
  zh: (p: Params) => string;
  en: (p: Params) => string;
}

const catalogue = {
  UNSUPPORTED_FILE: { severity: 'error', zh: () => '只能导入 .csv 或 .xlsx 文件。', en: () => 'Only .csv and .xlsx files can be imported.' },
  UNREADABLE_FILE: { severity: 'error', zh: (p) => `文件无法读取：${p.detail}`, en: (p) => `The file cannot be read: ${p.detail}` },
  IMPORT_TOO_LARGE: { severity: 'error', zh: (p) => `文件解压后共 ${p.size} MB，超过上限 ${p.max} MB；未读取。`, en: (p) => `The files unpack to ${p.size} MB, more than the limit of ${p.max} MB; nothing was read.` },
  TOO_MANY_ROWS: { severity: 'error', zh: (p) => `此表超过 ${p.max} 行；自本行起未读取。`, en: (p) => `The sheet has more than ${p.max} rows; from this row on nothing was read.` },
  CELL_TOO_LONG: { severity: 'error', zh: (p) => `单元格内容超过 ${p.max} 个字符。`, en: (p) => `The cell holds more than ${p.max} characters.` },
  UNKNOWN_SHEET: { severity: 'warning', zh: () => '无法识别此工作表对应的数据（教育集团、学校、教师或工作人员），已忽略。', en: () => 'This sheet is not one of groups, schools, teachers or officials; it was ignored.' },
  UNKNOWN_FILE: { severity: 'error', zh: () => '无法识别此文件对应的数据：请按模板命名文件（如 教师.csv）或使用模板表头。', en: () => 'Cannot tell which data this file holds: name it like the template (e.g. teachers.csv) or use the template headers.' },
  NO_ROWS: { severity: 'error', zh: () => '没有找到任何数据行。', en: () => 'No data rows were found.' },
  MISSING_KEY_COLUMN: { severity: 'error', zh: (p) => `缺少必填列“${p.column}”，此表未读取。`, en: (p) => `The required column "${p.column}" is missing; the sheet was not read.` },
  MISSING_COLUMN: { severity: 'error', zh: (p) => `缺少列“${p.column}”：新增记录（自本行起）必须填写此列。`, en: (p) => `The column "${p.column}" is missing; new records (from this row on) need it.` },
  DUPLICATE_COLUMN: { severity: 'error', zh: () => '该列重复出现。', en: () => 'This column appears twice.' },
  UNKNOWN_COLUMN: { severity: 'warning', zh: () => '无法识别此列，已忽略。', en: () => 'Unknown column; it was ignored.' },
  REQUIRED: { severity: 'error', zh: () => '此项必填。', en: () => 'This cell must not be blank.' },
  TOO_LONG: { severity: 'error', zh: (p) => `内容过长（最多 ${p.max} 个字符）。`, en: (p) => `Too long (at most ${p.max} characters).` },
  CONTROL_CHARACTER: { severity: 'error', zh: () => '含有控制字符（只允许制表符和换行）。', en: () => 'Contains control characters (only tab and line breaks are allowed).' },
  BIDI_CONTROL: { severity: 'error', zh: () => '含有文字方向控制字符（U+202A–U+202E、U+2066–U+2069）。', en: () => 'Contains bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069).' },
  NOT_VISIBLE: { severity: 'error', zh: () => '内容只有空白或不可见字符。', en: () => 'Holds only blank or invisible characters.' },
  INVALID_EMAIL: { severity: 'error', zh: () => '不是有效的电子邮箱地址。', en: () => 'Not a valid email address.' },
  INVALID_DATE: { severity: 'error', zh: () => '不是有效的日期（请写作 2001-09-01）。', en: () => 'Not a valid date (write it as 2001-09-01).' },
  FUTURE_DATE: { severity: 'error', zh: (p) => `日期晚于今天（${p.today}）。`, en: (p) => `The date is after today (${p.today}).` },
  INVALID_BOOLEAN: { severity: 'error', zh: () => '请填写“是”或“否”。', en: () => 'Write yes or no.' },
  INVALID_NUMBER: { severity: 'error', zh: (p) => `请填写 ${p.min} 到 ${p.max} 之间的整数。`, en: (p) => `Write a whole number from ${p.min} to ${p.max}.` },
  INVALID_CHOICE: { severity: 'error', zh: (p) => `不是可选的值；可选：${p.allowedZh}。`, en: (p) => `Not an allowed value; allowed: ${p.allowedEn}.` },
  DUPLICATE_KEY: { severity: 'error', zh: (p) => `与第 ${p.firstRow} 行重复（${p.firstSheet}）。`, en: (p) => `Duplicates row ${p.firstRow} (${p.firstSheet}).` },
  KEY_IN_OTHER_DISTRICT: { severity: 'error', zh: () => '此编码已被其他区县使用。', en: () => 'This key is already used by another district.' },
  UNKNOWN_GROUP: { severity: 'error', zh: () => '本区没有此集团编码（本文件中也没有）。', en: () => 'No group with this code in the district or in this import.' },
  UNKNOWN_SCHOOL: { severity: 'error', zh: () => '本区没有此学校编码（本文件中也没有）。', en: () => 'No school with this code in the district or in this import.' },
  UNKNOWN_UNIT: { severity: 'error', zh: () => '本区尚未设立此单位。', en: () => 'The district has no such unit.' },
  AFFILIATION: { severity: 'error', zh: () => '所属单位与所属学校须填且只填一项。', en: () => 'Give either a unit or a school, not both and not neither.' },
  CORE_WITHOUT_GROUP: { severity: 'error', zh: () => '核心校必须属于一个教育集团。', en: () => 'A core school must belong to a group.' },
  JOINED_BEFORE_FOUNDED: { severity: 'error', zh: (p) => `加入集团日期早于人事关系学校 ${p.school} 的建校日期（${p.foundedOn}）。`, en: (p) => `Joined the group before the home school ${p.school} was founded (${p.foundedOn}).` },
  FOUNDED_AFTER_TEACHERS_JOINED: { severity: 'error', zh: (p) => `建校日期晚于 ${p.count} 名教师的加入集团日期（如工号 ${p.example}，${p.joined}）。`, en: (p) => `Founded after ${p.count} teachers joined the group (e.g. staff number ${p.example}, ${p.joined}).` },
  GROUP_TOO_LARGE: { severity: 'error', zh: (p) => `R-GROUP-SIZE：紧密型集团“${p.group}”将有 ${p.count} 所成员校，超过上限 ${p.hardMax} 所。`, en: (p) => `R-GROUP-SIZE: tight group "${p.group}" would have ${p.count} member schools, more than the maximum of ${p.hardMax}.` },
  GROUP_NEEDS_JUSTIFICATION: { severity: 'warning', zh: (p) => `R-GROUP-SIZE：紧密型集团“${p.group}”将有 ${p.count} 所成员校，超过 ${p.max} 所须经区教育局审核同意。`, en: (p) => `R-GROUP-SIZE: tight group "${p.group}" would have ${p.count} member schools; more than ${p.max} needs a justification approved by EDU.` },
  GROUP_TOO_SMALL: { severity: 'warning', zh: (p) => `R-GROUP-SIZE：紧密型集团“${p.group}”将只有 ${p.count} 所成员校，少于 ${p.min} 所。`, en: (p) => `R-GROUP-SIZE: tight group "${p.group}" would have only ${p.count} member schools, fewer than ${p.min}.` },
  GROUP_SEVERAL_CORES: { severity: 'error', zh: (p) => `集团“${p.group}”将有 ${p.count} 所核心校，只能有一所。`, en: (p) => `Group "${p.group}" would have ${p.count} core schools; it may have one.` },
  GROUP_NO_CORE: { severity: 'warning', zh: (p) => `集团“${p.group}”没有核心校，集团内审批将无法流转。`, en: (p) => `Group "${p.group}" has no core school, so approvals inside the group cannot be routed.` },
  RUNNING_EXCHANGE: { severity: 'error', zh: (p) => `该教师有进行中的交流轮岗事项（${p.cases}），不能通过导入调整其学校；请保持原学校，或待事项办结后再导入。`, en: (p) => `The teacher has a running exchange case (${p.cases}); an import cannot move them to another school. Keep the schools as they are, or import after the case has ended.` },
  SCHOOL_HAS_RUNNING_CASES: { severity: 'warning', zh: (p) => `该校有 ${p.count} 件进行中的事项；已发起的事项仍按原集团的审批人流转。`, en: (p) => `The school has ${p.count} running cases; those keep the approvers of its former group.` },
  SELF_LOCKOUT: { severity: 'error', zh: () => '此行将撤销您本人的管理员角色或停用您的账号。', en: () => 'This row would take away your own administrator role or deactivate your account.' },
} satisfies Record<string, ProblemKind>;

export type ProblemCode = keyof typeof catalogue;

/** A problem as found: where, which code, and the facts its message needs. */
export interface Problem {
  code: ProblemCode;
  sheet: string;
  /** Spreadsheet row number (the header is row 1 in a file that starts with it); null for the whole sheet. */
  row: number | null;
  column: string | null;
  value: string | null;
  params?: Params;
}

export interface ReportedProblem {
  severity: 'error' | 'warning';
  code: ProblemCode;
  sheet: string;
  row: number | null;
  column: string | null;
  value: string | null;
  message: string;
}

export function severityOf(code: ProblemCode): 'error' | 'warning' {
  return catalogue[code].severity;
}

export function describeProblem(problem: Problem, lang: 'zh' | 'en'): ReportedProblem {
  const kind: ProblemKind = catalogue[problem.code];
  return { severity: kind.severity, code: problem.code, sheet: problem.sheet, row: problem.row, column: echo(problem.column), value: echo(problem.value), message: kind[lang](problem.params ?? {}) };
}

const ECHO_CHARS = 64;

/** A cell or header as the report repeats it: enough to find it, not a copy of a huge cell. */
export function echo(text: string | null): string | null {
  if (text === null || text.length <= ECHO_CHARS) return text;
  // Cut by code points, so that no half of a surrogate pair is left at the end.
  const kept = Array.from(text.slice(0, ECHO_CHARS * 2)).slice(0, ECHO_CHARS).join('');
  return kept.length === text.length ? text : `${kept}…`;
}
