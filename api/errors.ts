/** Typed domain errors and their one mapping to HTTP: `{ error: { code, message } }`, zh-CN first. */
import type { ErrorRequestHandler, Request } from 'express';
import { ZodError } from 'zod';
import { RouteError } from '../activities/routing.js';
import { isDatabaseUnavailable } from '../prisma/errors.js';
import { MAX_FILE_BYTES, MAX_FILES } from './org-data/uploads.js';

const catalogue = {
  UNAUTHENTICATED: { status: 401, zh: '请先登录。', en: 'Please log in.' },
  INVALID_CREDENTIALS: { status: 401, zh: '账号或密码错误。', en: 'Wrong login or password.' },
  TOO_MANY_ATTEMPTS: { status: 429, zh: '登录失败次数过多，已暂时锁定，请稍后再试。', en: 'Too many failed logins: logging in is locked for a while. Try again later.' },
  FORBIDDEN: { status: 403, zh: '您无权执行此操作。', en: 'You are not allowed to do this.' },
  NOT_ASSIGNED: { status: 403, zh: '此审批环节未分派给您或您的单位。', en: 'This step is not routed to you or your unit.' },
  NOT_FOUND: { status: 404, zh: '未找到该记录。', en: 'Not found.' },
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求。', en: 'The request is invalid.' },
  MALFORMED_JSON: { status: 400, zh: '请求正文不是有效的 JSON。', en: 'The request body is not valid JSON.' },
  BODY_TOO_LARGE: { status: 413, zh: '请求正文过大。', en: 'The request body is too large.' },
  BODY_UNREADABLE: { status: 400, zh: '请求正文无法读取（不完整，或与声明的压缩格式不符）。', en: 'The request body cannot be read (incomplete, or not in the compression it declares).' },
  UNSUPPORTED_CONTENT_ENCODING: { status: 415, zh: '不支持该请求正文压缩格式（Content-Encoding）。', en: 'This Content-Encoding of the request body is not supported.' },
  UNSUPPORTED_CHARSET: { status: 415, zh: '不支持该请求正文字符集，请使用 UTF-8。', en: 'This charset of the request body is not supported; send UTF-8.' },
  MALFORMED_UPLOAD: { status: 400, zh: '上传内容不完整或格式有误，请重新上传。', en: 'The upload is incomplete or malformed; upload the files again.' },
  COMMENT_REQUIRED: { status: 400, zh: '驳回时必须填写意见。', en: 'A rejection needs a comment.' },
  CASE_CLOSED: { status: 409, zh: '该事项已办结或不在此状态。', en: 'The case is closed or not in this state.' },
  TASK_CLAIMED: { status: 409, zh: '该待办已由其他人员签收。', en: 'Another official has taken this task.' },
  NOT_INITIATOR: { status: 403, zh: '只有发起人可以执行此操作。', en: 'Only the official who started the case may do this.' },
  WITHDRAW_TOO_LATE: { status: 409, zh: '已有审批意见，不能撤回。', en: 'A decision has been made; the case can no longer be withdrawn.' },
  NOT_RETURNED: { status: 409, zh: '该事项未被退回，无需重新提交。', en: 'The case has not been returned to you.' },
  NOT_UNIT_LEAD: { status: 403, zh: '只有本单位负责人可以转办。', en: "Only a lead of the task's unit may reassign it." },
  TARGET_OUTSIDE_UNIT: { status: 422, zh: '只能转办给本单位（学校）的人员。', en: 'A task can only go to an official of its own unit or school.' },
  DELEGATE_INVALID: { status: 422, zh: '委托人无效：不能委托给自己，且必须是在职人员。', en: 'Invalid delegate: not yourself, and an active official.' },
  FORM_INVALID: { status: 422, zh: '审批表单填写不完整或有误。', en: 'The form of this step is incomplete or wrong.' },
  NO_INITIATOR: { status: 409, zh: '该事项由排程自动发起，不能退回发起人，请退回上一环节。', en: 'This case was opened by a schedule; return it to the previous step instead.' },
  DECISION_NOT_RECORDED: { status: 422, zh: '您的意见未能保存（原因见 details.reason），未生效，该待办仍可办理；请修改后重新提交。', en: 'Your decision could not be recorded (see details.reason); nothing was applied and the task stays open. Change it and send it again.' },
  STEP_NOT_OPEN: { status: 409, zh: '该环节当前不在待审批状态。', en: 'This step is not waiting for a decision.' },
  SCHOOL_NOT_IN_GROUP: { status: 422, zh: '该学校未加入教育集团，无法发起此类事项。', en: 'The school belongs to no education group, so this case cannot start.' },
  ROUTE_UNRESOLVED: { status: 422, zh: '无法确定审批单位，请检查组织数据。', en: 'No approver could be found for a step; check the organisation data.' },
  WORKER_UNAVAILABLE: { status: 503, zh: '流程服务当前没有可处理的工作进程，本次操作未提交、未生效；请稍后用同一请求编号重试。', en: 'No workflow worker is running, so nothing was sent or applied; retry later with the same request id.' },
  TEMPORAL_UNAVAILABLE: { status: 503, zh: '流程引擎暂时无法连接；请稍后用同一请求编号重试（同一编号不会重复生效）。', en: 'The workflow engine cannot be reached; retry later with the same request id (it is never applied twice).' },
  OUTCOME_UNKNOWN: { status: 503, zh: '已提交，但在等待时间内未得到结果，可能已生效也可能未生效；请用同一请求编号重试以获知结果（不会重复生效）。', en: 'Sent, but no outcome arrived in time: it may or may not have been applied. Repeat with the same request id to learn the outcome (it is never applied twice).' },
  DATABASE_UNAVAILABLE: { status: 503, zh: '数据库暂时无法连接，本次操作未生效；请稍后重试。', en: 'The database cannot be reached; nothing was applied. Try again later.' },
  REQUEST_ID_REUSED: { status: 409, zh: '该请求编号已用于另一项操作；新的操作请使用新的请求编号。', en: 'This request id was used for another request; a new request needs a new id.' },
  NO_FILES: { status: 400, zh: '请在 files 字段中上传 .xlsx 或 .csv 文件。', en: 'Upload .xlsx or .csv files in the "files" field.' },
  TOO_MANY_FILES: { status: 400, zh: `一次最多上传 ${MAX_FILES} 个文件。`, en: `Upload at most ${MAX_FILES} files at once.` },
  FILE_TOO_LARGE: { status: 413, zh: `单个文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB。`, en: `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.` },
  NO_DISTRICT: { status: 403, zh: '您的账号不属于任何区县的单位或学校，无法管理组织数据。', en: 'Your account belongs to no unit or school of a district, so it cannot manage organisation data.' },
  UPLOAD_NOT_FOUND: { status: 404, zh: '未找到该导入文件，或已超过 24 小时被清除；请重新上传。', en: 'No such upload, or it was removed after 24 hours; upload the files again.' },
  IMPORT_TOO_LARGE: { status: 413, zh: '导入文件解压后过大，未读取、未保存；请分批导入（见 details）。', en: 'The import unpacks to more than the limit; it was neither read nor kept. Import it in parts (see details).' },
  IMPORT_LIMIT_EXCEEDED: { status: 422, zh: '导入超过行数或单元格长度上限，未保存；请按报告（details）修改后重新上传。', en: 'The import exceeds the row or cell length limit and was not kept; fix it as the report in details says and upload it again.' },
  IMPORT_REJECTED: { status: 422, zh: '导入有错误，未写入任何数据；请按报告修改文件后重新上传。', en: 'The import has errors and nothing was written; fix the file as the report says and upload it again.' },
  SCHEDULE_NOT_FOUND: { status: 404, zh: '本区尚未创建该年度周期的排程。', en: 'Your district has no schedule for this yearly cycle.' },
  SCHEDULE_EXISTS: { status: 409, zh: '本区已有该年度周期的排程，请修改其日历或暂停/恢复。', en: 'Your district already has a schedule for this cycle; change its calendar or pause/resume it.' },
  BACKFILL_PERIOD_INVALID: { status: 422, zh: '补跑区间无效：开始须早于结束，且结束不晚于当前时间。', en: 'Invalid backfill period: start before end, and end not in the future.' },
  EXCHANGE_OUTSIDE_GROUP: { status: 422, zh: '交流学校须为该教师所在集团的学校。', en: "The destination must be a school of the teacher's group." },
  EXCHANGE_SAME_SCHOOL: { status: 422, zh: '交流学校不能是教师所在学校。', en: "The destination cannot be the teacher's own school." },
  EXCHANGE_TERM_EXISTS: { status: 409, zh: '该教师本学年已有交流安排。', en: 'The teacher already has an exchange term starting in this school year.' },
  EXCHANGE_NOT_DUE: { status: 422, zh: '该教师在集团任教未满规定年限，不属应交流人员。', en: 'The teacher has not served the years in the group that make an exchange due.' },
  EXCHANGE_REFUSAL_EXISTS: { status: 409, zh: '该教师本学年的拒不交流认定已在办理或已办结。', en: "A refusal for this teacher and school year is already open or decided." },
  EXCHANGE_PLAN_RUNNING: { status: 409, zh: '该集团本学年的交流轮岗计划正在办理中。', en: "This group's rotation plan for the school year is already running." },
  TERM_NOT_RUNNING: { status: 409, zh: '只有已批准或进行中的交流可以申请提前终止。', en: 'Only an approved or active exchange term can end early.' },
  EARLY_END_PENDING: { status: 409, zh: '已有提前终止申请在审批中。', en: 'An early end is already waiting for approval.' },
  SECONDMENT_TEAM_INCOMPLETE: { status: 422, zh: '派驻团队人员构成不符合要求，缺少的人员见 details.missing。', en: 'The team is incomplete; details.missing lists who is lacking.' },
  NOT_A_MEMBER_SCHOOL: { status: 422, zh: '该学校不是教育集团的成员校。', en: 'The school is not a member school of an education group.' },
  GROUP_TOO_LARGE: { status: 422, zh: '紧密型集团成员校已达上限（见 details），不能再增加。', en: 'The tight group has reached its maximum number of member schools (see details); no more can be added.' },
  GROUP_JUSTIFICATION_REQUIRED: { status: 422, zh: '成员校超过标准规模（见 details）须说明理由（justification），并经区教育局批准。', en: 'A member beyond the standard size (see details) needs a justification, which the Education Bureau must approve.' },
  SCHOOL_IN_ANOTHER_GROUP: { status: 409, zh: '该学校已属于其他集团，请先办理退出。', en: 'The school belongs to another group; remove it from that group first.' },
  SCHOOL_ALREADY_IN_GROUP: { status: 409, zh: '该学校已是本集团学校或联盟校。', en: 'The school is already in this group or linked to it.' },
  GROUP_CHANGE_PENDING: { status: 409, zh: '该学校已有一项正在办理的集团结构调整。', en: 'A group structure change for this school is already under way.' },
  NOT_NEW_SCHOOL: { status: 422, zh: '该学校不是集团内成立未满 3 年的成员校，不能享受新建学校经费保障。', en: 'The school is not a member school founded less than 3 years ago, so it gets no new-school subsidy.' },
  SUBSIDY_EXISTS: { status: 409, zh: '该学校已有新建学校经费保障事项。', en: 'This school already has a new-school subsidy period.' },
  NOT_MEMBER_SCHOOL: { status: 422, zh: '只有教育集团的成员校可以申请此事项。', en: 'Only a member school of an education group may claim this.' },
  LECTURER_NOT_CORE_BACKBONE: { status: 422, zh: '讲课教师必须是本集团核心校的骨干教师。', en: "The lecturer must be a backbone teacher of the group's core school." },
  STAFFING_SCHOOLS_MISMATCH: { status: 422, zh: '各校在校生数须覆盖本集团全部学校，且每校一次。', en: 'Enrolments must list every school of the group exactly once.' },
  STAFFING_TOTAL_CHANGED: { status: 422, zh: '集团编制总量须保持不变（总量控制）。', en: "The group's staffing total must stay the same (total control)." },
  STAFFING_EXISTS: { status: 409, zh: '该集团本学年的编制调整正在办理或已批准。', en: "This group's staffing adjustment for the school year is running or approved." },
  POLICY_INVALID: { status: 422, zh: '政策参数有误，未保存；问题见 details.problems。', en: 'The policy numbers have problems and nothing was saved; see details.problems.' },
  CALENDAR_INVALID: { status: 422, zh: '日历有误，未保存；问题见 details.problems（日期格式、不属于该年、重复、调休上班日不是周末、没有节假日）。', en: 'The calendar has problems and nothing was saved; see details.problems (date format, outside the year, repeated, a working day that is not a weekend, no holiday).' },
  DEADLINES_NOT_RECOUNTED: { status: 503, zh: '日历已保存，但流程引擎暂不可用，在办事项的截止时间尚未重算；请稍后再次提交同一份日历。', en: 'The calendar was saved, but the workflow engine is unavailable and open deadlines were not recounted yet; submit the same calendar again later.' },
  INTERNAL: { status: 500, zh: '服务器内部错误。', en: 'Internal server error.' },
  REPORT_OUT_OF_SCOPE: { status: 403, zh: '只能查看本区的报表。', en: 'You may read the reports of your own district only.' },
  REPORT_NO_DISTRICT: { status: 403, zh: '您的账号不属于任何区县的单位或学校，无法查看报表。', en: 'Your account belongs to no unit or school of a district, so it has no reports to read.' },
} as const;

export type ErrorCode = keyof typeof catalogue;

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    /** Sent as the Retry-After header: when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(catalogue[code].en);
  }
}

export function isErrorCode(value: string): value is ErrorCode {
  return value in catalogue;
}

export function prefersEnglish(req: Request): boolean {
  return req.acceptsLanguages('zh-CN', 'zh', 'en') === 'en';
}

export const errorHandler: ErrorRequestHandler = (err: unknown, req, res, _next) => {
  const domain = toDomainError(err);
  if (domain.code === 'INTERNAL') console.error(err);
  const entry = catalogue[domain.code];
  if (domain.retryAfterSeconds !== undefined) res.set('retry-after', String(domain.retryAfterSeconds));
  res.status(entry.status).json({
    error: { code: domain.code, message: prefersEnglish(req) ? entry.en : entry.zh, ...(domain.details ? { details: domain.details } : {}) },
  });
};

function toDomainError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof ZodError) {
    return new DomainError('VALIDATION_FAILED', err.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  if (err instanceof RouteError) return new DomainError(err.code, err.route ? { route: err.route } : undefined);
  // Nothing is written when the database cannot be reached: a clear 503, and no stack trace in the log.
  if (isDatabaseUnavailable(err)) return new DomainError('DATABASE_UNAVAILABLE');
  return bodyError(err) ?? new DomainError('INTERNAL');
}

/**
 * express.json() (body-parser) marks what it refuses with a `type` and a 4xx `status`: those are the
 * client's faults, answered as such and not logged as the server's.
 */
const BODY_ERRORS: Partial<Record<string, ErrorCode>> = {
  'entity.too.large': 'BODY_TOO_LARGE',
  'entity.parse.failed': 'MALFORMED_JSON',
  'encoding.unsupported': 'UNSUPPORTED_CONTENT_ENCODING',
  'charset.unsupported': 'UNSUPPORTED_CHARSET',
  'request.aborted': 'BODY_UNREADABLE',
  'request.size.invalid': 'BODY_UNREADABLE',
};

function bodyError(err: unknown): DomainError | undefined {
  if (typeof err !== 'object' || err === null || !('status' in err) || typeof err.status !== 'number') return undefined;
  const type = 'type' in err && typeof err.type === 'string' ? err.type : undefined;
  const code = type ? BODY_ERRORS[type] : undefined;
  if (code) return new DomainError(code);
  if (type || err.status !== 400) return undefined;
  // A body that does not inflate as its Content-Encoding says (a plain body sent as gzip or br) is zlib's error, given status 400 and no type.
  if ('errno' in err) return new DomainError('BODY_UNREADABLE');
  // The router could not decode a percent-escape in the path.
  if (err instanceof URIError) return new DomainError('VALIDATION_FAILED', [{ path: 'url', message: 'invalid percent-encoding' }]);
  return undefined;
}
