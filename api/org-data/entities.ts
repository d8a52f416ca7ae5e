/**
 * The four sheets a bureau loads — groups, schools, teachers, officials — described once: column
 * headers in Chinese and English, what each cell holds and the default of a blank cell. The
 * importer, the exporter, the templates and the report all read these descriptions, so a file
 * exported here imports back unchanged.
 */
import type { BackboneCategory, GroupKind, ProfessionalTitle, Role, SchoolRole, UnitCode } from '../../generated/prisma/enums.js';

export interface Choice {
  code: string;
  zh: string;
}

export type ColumnKind =
  | { type: 'text'; max: number }
  | { type: 'email' }
  | { type: 'date' }
  | { type: 'bool' }
  | { type: 'int'; min: number; max: number }
  | { type: 'choice'; choices: readonly Choice[] }
  | { type: 'textList' }
  | { type: 'choiceList'; choices: readonly Choice[] };

/** What one cell means once read: dates are `YYYY-MM-DD`, references are natural keys (codes). */
export type FieldValue = string | number | boolean | readonly string[] | null;

export interface ColumnSpec<V> {
  field: keyof V & string;
  zh: string;
  en: string;
  kind: ColumnKind;
  /** A required column must be in the header and filled on every row. */
  required?: boolean;
  hintZh: string;
  hintEn: string;
}

export interface EntitySpec<V> {
  key: EntityKey;
  sheetZh: string;
  sheetEn: string;
  /** Other sheet or file names taken to mean this entity. */
  aliases: readonly string[];
  /** The first column is the natural key the import upserts by. */
  columns: readonly ColumnSpec<V>[];
  /** The value a new record takes for a column that is blank or missing. */
  defaults: Partial<V>;
}

export const ENTITY_KEYS = ['groups', 'schools', 'teachers', 'officials'] as const;
export type EntityKey = (typeof ENTITY_KEYS)[number];

export interface GroupView {
  code: string;
  name: string;
  kind: GroupKind;
  tier: number;
}

export interface SchoolView {
  code: string;
  name: string;
  group: string | null;
  role: SchoolRole;
  foundedOn: string;
  weak: boolean;
  campuses: readonly string[];
}

export interface TeacherView {
  staffNo: string;
  name: string;
  homeSchool: string;
  /** Blank means the home school. */
  currentSchool: string | null;
  joinedGroupOn: string;
  backbone: BackboneCategory;
  graduatingClass: boolean;
  title: ProfessionalTitle;
}

export interface OfficialView {
  login: string;
  displayName: string;
  email: string;
  unit: UnitCode | null;
  school: string | null;
  roles: readonly Role[];
  isUnitLead: boolean;
  active: boolean;
}

export interface Views {
  groups: GroupView;
  schools: SchoolView;
  teachers: TeacherView;
  officials: OfficialView;
}

function choices<C extends string>(labels: Record<C, string>): readonly Choice[] {
  return Object.entries<string>(labels).map(([code, zh]) => ({ code, zh }));
}

export const GROUP_KINDS = choices<GroupKind>({ TIGHT: '紧密型', LOOSE: '松散型' });
export const SCHOOL_ROLES = choices<SchoolRole>({ CORE: '核心校', MEMBER: '成员校', SUB_CORE: '子集团核心校' });
/** R-EXCH-BACKBONE: the categories the policy counts as backbone teachers. */
export const BACKBONE_CATEGORIES = choices<BackboneCategory>({ NONE: '无', BACKBONE: '骨干教师', TEACHING_STAR: '教坛新星', SUBJECT_LEADER: '学科带头人', SPECIAL_GRADE: '特级教师' });
export const TITLES = choices<ProfessionalTitle>({ UNRANKED: '未定级', THIRD_GRADE: '三级教师', SECOND_GRADE: '二级教师', FIRST_GRADE: '一级教师', SENIOR: '高级教师', PROFESSOR: '正高级教师' });
export const ROLES = choices<Role>({ OFFICIAL: '工作人员', SCHEDULER: '排程员', ADMIN: '管理员' });
export const UNITS = choices<UnitCode>({ EDU: '区教育局', ORG: '区委组织部', HR: '区人社局', FIN: '区财政局', STAFF: '区委编办', DRC: '区发展改革委', TASKFORCE: '集团化办学工作专班' });

const name = { type: 'text', max: 100 } as const;
const code = { type: 'text', max: 50 } as const;

export const groupsSpec: EntitySpec<GroupView> = {
  key: 'groups',
  sheetZh: '教育集团',
  sheetEn: 'groups',
  aliases: ['集团', 'group', 'educationgroups'],
  columns: [
    { field: 'code', zh: '集团编码', en: 'Group code', kind: code, required: true, hintZh: '唯一编码，如 G01', hintEn: 'Unique code, e.g. G01' },
    { field: 'name', zh: '集团名称', en: 'Group name', kind: name, required: true, hintZh: '集团全称', hintEn: 'Full name' },
    { field: 'kind', zh: '集团类型', en: 'Kind', kind: { type: 'choice', choices: GROUP_KINDS }, hintZh: '紧密型 / 松散型，空白为紧密型', hintEn: 'TIGHT or LOOSE; blank means TIGHT' },
    { field: 'tier', zh: '层级', en: 'Tier', kind: { type: 'int', min: 1, max: 9 }, hintZh: '1 为最高层级，空白为 2', hintEn: '1 is the top tier; blank means 2' },
  ],
  defaults: { kind: 'TIGHT', tier: 2 },
};

export const schoolsSpec: EntitySpec<SchoolView> = {
  key: 'schools',
  sheetZh: '学校',
  sheetEn: 'schools',
  aliases: ['school'],
  columns: [
    { field: 'code', zh: '学校编码', en: 'School code', kind: code, required: true, hintZh: '唯一编码', hintEn: 'Unique code' },
    { field: 'name', zh: '学校名称', en: 'School name', kind: name, required: true, hintZh: '学校全称', hintEn: 'Full name' },
    { field: 'group', zh: '所属集团编码', en: 'Group code', kind: code, hintZh: '空白表示未加入集团', hintEn: 'Blank: in no group' },
    { field: 'role', zh: '学校角色', en: 'Role', kind: { type: 'choice', choices: SCHOOL_ROLES }, hintZh: '核心校 / 成员校，空白为成员校', hintEn: 'CORE or MEMBER; blank means MEMBER' },
    { field: 'foundedOn', zh: '建校日期', en: 'Founded on', kind: { type: 'date' }, required: true, hintZh: '日期，如 2001-09-01', hintEn: 'Date, e.g. 2001-09-01' },
    { field: 'weak', zh: '薄弱学校', en: 'Weak school', kind: { type: 'bool' }, hintZh: '是 / 否（市教育局认定），空白为否', hintEn: 'Recognised by the city bureau: yes or no; blank means no' },
    { field: 'campuses', zh: '校区', en: 'Campuses', kind: { type: 'textList' }, hintZh: '全部校区名称，以顿号分隔，如 本部、东校区', hintEn: 'Every campus name, separated by ";", e.g. Main; East' },
  ],
  defaults: { group: null, role: 'MEMBER', weak: false, campuses: [] },
};

export const teachersSpec: EntitySpec<TeacherView> = {
  key: 'teachers',
  sheetZh: '教师',
  sheetEn: 'teachers',
  aliases: ['teacher', '教职工', '教师名单'],
  columns: [
    { field: 'staffNo', zh: '工号', en: 'Staff number', kind: code, required: true, hintZh: '唯一工号', hintEn: 'Unique staff number' },
    { field: 'name', zh: '姓名', en: 'Name', kind: name, required: true, hintZh: '教师姓名', hintEn: "Teacher's name" },
    { field: 'homeSchool', zh: '人事关系学校编码', en: 'Home school code', kind: code, required: true, hintZh: '人事关系所在学校', hintEn: 'School the teacher belongs to' },
    { field: 'currentSchool', zh: '任教学校编码', en: 'Current school code', kind: code, hintZh: '当前任教学校，空白为人事关系学校', hintEn: 'School the teacher teaches at now; blank means the home school' },
    { field: 'joinedGroupOn', zh: '加入集团日期', en: 'Joined group on', kind: { type: 'date' }, required: true, hintZh: '日期，R-EXCH-ELIGIBLE 自此计算满 6 年', hintEn: 'Date; R-EXCH-ELIGIBLE counts 6 full years from it' },
    { field: 'backbone', zh: '骨干类别', en: 'Backbone category', kind: { type: 'choice', choices: BACKBONE_CATEGORIES }, hintZh: '无 / 骨干教师 / 教坛新星 / 学科带头人 / 特级教师，空白为无', hintEn: 'NONE, BACKBONE, TEACHING_STAR, SUBJECT_LEADER or SPECIAL_GRADE; blank means NONE' },
    { field: 'graduatingClass', zh: '毕业班教师', en: 'Graduating class', kind: { type: 'bool' }, hintZh: '是 / 否，空白为否', hintEn: 'yes or no; blank means no' },
    { field: 'title', zh: '职称', en: 'Title', kind: { type: 'choice', choices: TITLES }, hintZh: '未定级 / 三级教师 / 二级教师 / 一级教师 / 高级教师 / 正高级教师，空白为未定级', hintEn: 'UNRANKED, THIRD_GRADE, SECOND_GRADE, FIRST_GRADE, SENIOR or PROFESSOR; blank means UNRANKED' },
  ],
  defaults: { currentSchool: null, backbone: 'NONE', graduatingClass: false, title: 'UNRANKED' },
};

export const officialsSpec: EntitySpec<OfficialView> = {
  key: 'officials',
  sheetZh: '工作人员',
  sheetEn: 'officials',
  aliases: ['official', '人员', '账号', '用户', 'users', 'accounts'],
  columns: [
    { field: 'login', zh: '登录名', en: 'Login', kind: code, required: true, hintZh: '唯一登录名', hintEn: 'Unique login' },
    { field: 'displayName', zh: '姓名', en: 'Display name', kind: name, required: true, hintZh: '显示的姓名', hintEn: 'Name shown to others' },
    { field: 'email', zh: '电子邮箱', en: 'Email', kind: { type: 'email' }, required: true, hintZh: '接收待办提醒', hintEn: 'Receives reminders' },
    { field: 'unit', zh: '所属单位', en: 'Unit', kind: { type: 'choice', choices: UNITS }, hintZh: '单位代码或名称（如 EDU 或 区教育局）；与所属学校二选一', hintEn: 'Unit code (EDU, ORG, HR, FIN, STAFF, DRC, TASKFORCE); either this or the school' },
    { field: 'school', zh: '所属学校编码', en: 'School code', kind: code, hintZh: '与所属单位二选一', hintEn: 'Either this or the unit' },
    { field: 'roles', zh: '角色', en: 'Roles', kind: { type: 'choiceList', choices: ROLES }, hintZh: '工作人员 / 排程员 / 管理员，可多个，以顿号分隔；空白为工作人员', hintEn: 'OFFICIAL, SCHEDULER, ADMIN, separated by ";"; blank means OFFICIAL' },
    { field: 'isUnitLead', zh: '单位负责人', en: 'Unit lead', kind: { type: 'bool' }, hintZh: '是 / 否，空白为否', hintEn: 'yes or no; blank means no' },
    { field: 'active', zh: '启用', en: 'Active', kind: { type: 'bool' }, hintZh: '是 / 否，空白为是；停用后不能登录', hintEn: 'yes or no; blank means yes; inactive officials cannot log in' },
  ],
  defaults: { unit: null, school: null, roles: ['OFFICIAL'], isUnitLead: false, active: true },
};

export const ENTITIES: { [K in EntityKey]: EntitySpec<Views[K]> } = {
  groups: groupsSpec,
  schools: schoolsSpec,
  teachers: teachersSpec,
  officials: officialsSpec,
};

export type AnyEntitySpec = EntitySpec<Views[EntityKey]>;

export function keyOf<K extends EntityKey>(entity: K, view: Partial<Views[K]>): string {
  return String(view[ENTITIES[entity].columns[0]!.field as keyof Views[K]] ?? '');
}
