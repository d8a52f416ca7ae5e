/** The shapes of the API's answers the console reads (see /openapi.json and api/). */
export type Role = 'OFFICIAL' | 'SCHEDULER' | 'ADMIN';

export interface Me {
  id: string;
  login: string;
  displayName: string;
  roles: Role[];
  unitId: string | null;
  unitCode: string | null;
  schoolId: string | null;
  isLead: boolean;
}

export interface Named {
  id: string;
  code: string;
  name: string;
}

export interface Directory {
  unit: { code: string; name: string; nameEn: string } | null;
  school: { code: string; name: string } | null;
  groups: Named[];
  schools: (Named & { groupId: string | null; role: 'CORE' | 'MEMBER' })[];
  units: (Named & { nameEn: string })[];
  colleagues: { id: string; login: string; displayName: string; isUnitLead: boolean }[];
  /** The teachers of my school (a school official's only). */
  teachers: { id: string; staffNo: string; name: string }[];
  /** The teachers of my group (a core school official's only): the rows of its rotation plan. */
  groupTeachers: { id: string; staffNo: string; name: string; homeSchoolId: string }[];
}

export interface Page<T> {
  total: number;
  items: T[];
}

export interface InboxItem {
  id: string;
  caseId: string;
  stepKey: string;
  stepKind: 'SINGLE' | 'COUNTERSIGN' | 'ANY_OF';
  dueAt: string;
  /** Counted through a year whose holidays are not entered yet: may move once they are. */
  dueProvisional: boolean;
  overdue: boolean;
  assigneeId: string | null;
  case: { id: string; title: string; type: string; status: string; workflowId: string; school: { code: string; name: string } | null; group: { code: string; name: string } | null };
  unit: { code: string; name: string } | null;
  school: { code: string; name: string } | null;
  actingFor: string | null;
  countersign: { unit: string | null; state: string }[] | null;
}

export interface CaseRow {
  id: string;
  type: string;
  status: string;
  title: string;
  createdAt: string;
  closedAt: string | null;
  school: Named | null;
  group: Named | null;
  tasks: { id: string; stepKey: string; dueAt: string; dueProvisional: boolean; overdue: boolean }[];
}

export interface DecidedItem {
  decision: string;
  comment: string | null;
  at: string;
  onBehalfOfId: string | null;
  task: { id: string; stepKey: string } | null;
  case: { id: string; title: string; type: string; status: string };
}

export interface CaseTask {
  id: string;
  stepKey: string;
  stepKind: 'SINGLE' | 'COUNTERSIGN' | 'ANY_OF';
  state: string;
  dueAt: string;
  dueProvisional: boolean;
  overdue: boolean;
  formKind: string | null;
  leadOnly: boolean;
  assigneeId: string | null;
  unit: { code: string; name: string } | null;
  school: { code: string; name: string } | null;
  assignee: { id: string; displayName: string } | null;
}

export interface CaseEvent {
  id: string;
  kind: string;
  taskId: string | null;
  comment: string | null;
  form: Record<string, unknown> | null;
  at: string;
  actor: { login: string; displayName: string } | null;
  onBehalfOf: { login: string; displayName: string } | null;
}

export interface CaseDetail extends CaseRow {
  workflowId: string;
  subject: Record<string, unknown>;
  initiatorId: string | null;
  initiator: { id: string; login: string; displayName: string } | null;
  overdue: boolean;
  tasks: CaseTask[];
  currentTasks: { taskId: string; stepKey: string; dueAt: string; dueProvisional: boolean; overdue: boolean; officials: { id: string; displayName: string }[] }[];
  timeline: CaseEvent[];
  copies: { official: { id: string; displayName: string } | null; unit: { code: string; name: string } | null }[];
}

export interface ImportProblem {
  severity: 'error' | 'warning';
  code: string;
  sheet?: string;
  row?: number;
  column?: string;
  value?: string;
  message: string;
}

export interface ImportReport {
  ok: boolean;
  errors: number;
  warnings: number;
  counts: Record<string, { rows: number; created: number; changed: number; unchanged: number }>;
  problems: ImportProblem[];
}

/** A nomination of a commendation round (GET /api/cases/{id}/nominations). */
export interface Nomination {
  id: string;
  name: string;
  reason: string;
  status: 'NOMINATED' | 'GROUP_ENDORSED' | 'DISTRICT_LISTED' | 'CITY_RECOMMENDED' | 'NOT_SELECTED';
  cityPreference: string | null;
  teacher: { id: string; staffNo: string; name: string } | null;
  school: (Named & { groupId: string | null }) | null;
}

/** A teacher found by an administrator's lookup (GET /api/teachers). */
export interface TeacherHit {
  id: string;
  staffNo: string;
  name: string;
  homeSchool: Named;
}
