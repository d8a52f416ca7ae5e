/** The e-mails officials receive: Simplified Chinese first, the same in English below. */
import { stepTitles } from '../policy/approval-chains.js';
import { caseTypeTitles, type CaseTypeCode } from '../policy/case-types.js';
import { localDate } from '../policy/calendar.js';

export type NotificationKind = 'NEW_TASK' | 'REMINDER' | 'OVERDUE' | 'ESCALATION' | 'RETURNED' | 'OUTCOME' | 'TERM_ENDING' | 'PAYMENT_DUE';

export interface MessageContext {
  caseTitle: string;
  caseType: string;
  caseStatus: string;
  stepKey?: string;
  dueAt?: Date;
  link: string;
  utcOffsetMinutes: number;
}

const statusTitles: Record<string, [string, string]> = {
  APPROVED: ['已通过', 'approved'],
  REJECTED: ['未通过', 'rejected'],
  WITHDRAWN: ['已撤回', 'withdrawn'],
  COMPLETED: ['已完成', 'completed'],
  ENDED_EARLY: ['已提前终止', 'ended early'],
};

function zhDate(date: Date, offset: number): string {
  const [y, m, d] = localDate(date, offset).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function renderMessage(kind: NotificationKind, ctx: MessageContext): { subject: string; text: string; html: string } {
  const type = caseTypeTitles[ctx.caseType as CaseTypeCode] ?? { zh: ctx.caseType, en: ctx.caseType };
  const step = (ctx.stepKey && stepTitles[ctx.stepKey]) || { zh: ctx.stepKey ?? '', en: ctx.stepKey ?? '' };
  const due = ctx.dueAt ? { zh: zhDate(ctx.dueAt, ctx.utcOffsetMinutes), en: localDate(ctx.dueAt, ctx.utcOffsetMinutes) } : { zh: '', en: '' };
  const [statusZh, statusEn] = statusTitles[ctx.caseStatus] ?? [ctx.caseStatus, ctx.caseStatus];
  const lines: Record<NotificationKind, [string, string, string, string]> = {
    NEW_TASK: [`【待办】${ctx.caseTitle}`, `您有一项新的审批待办：${type.zh}「${ctx.caseTitle}」，环节：${step.zh}，请于${due.zh}前办理。`, `[To do] ${ctx.caseTitle}`, `A new approval task awaits you: ${type.en} "${ctx.caseTitle}", step: ${step.en}, due by ${due.en}.`],
    REMINDER: [`【催办】${ctx.caseTitle}`, `提醒：${type.zh}「${ctx.caseTitle}」的「${step.zh}」环节将于${due.zh}到期，请及时办理。`, `[Reminder] ${ctx.caseTitle}`, `Reminder: the step "${step.en}" of ${type.en} "${ctx.caseTitle}" is due by ${due.en}.`],
    OVERDUE: [`【已超期】${ctx.caseTitle}`, `${type.zh}「${ctx.caseTitle}」的「${step.zh}」环节已于${due.zh}到期未办，已报工作专班督办，请尽快办理。`, `[Overdue] ${ctx.caseTitle}`, `The step "${step.en}" of ${type.en} "${ctx.caseTitle}" was due by ${due.en} and has been escalated to the task force office. Please act now.`],
    ESCALATION: [`【督办】${ctx.caseTitle}`, `${type.zh}「${ctx.caseTitle}」的「${step.zh}」环节已超期（期限${due.zh}），请工作专班督办。`, `[Escalation] ${ctx.caseTitle}`, `The step "${step.en}" of ${type.en} "${ctx.caseTitle}" is overdue (due by ${due.en}); the task force office is asked to follow up.`],
    TERM_ENDING: [`【期满提醒】${ctx.caseTitle}`, `${type.zh}「${ctx.caseTitle}」${ctx.dueAt ? `将于${due.zh}` : '即将'}期满（任期将满），请做好考核、交接和后续安排；交流教师按期回原校。`, `[Term ending] ${ctx.caseTitle}`, `${type.en} "${ctx.caseTitle}" ends ${ctx.dueAt ? `on ${due.en}` : 'soon'}: prepare the assessment, the handover and what follows; an exchanged teacher returns to the home school.`],
    RETURNED: [`【退回】${ctx.caseTitle}`, `您发起的${type.zh}「${ctx.caseTitle}」已被退回，请修改后重新提交或撤回。`, `[Returned] ${ctx.caseTitle}`, `Your ${type.en} "${ctx.caseTitle}" was returned to you: resubmit it or withdraw it.`],
    OUTCOME: [`【办结：${statusZh}】${ctx.caseTitle}`, `${type.zh}「${ctx.caseTitle}」已办结，结果：${statusZh}。`, `[Closed: ${statusEn}] ${ctx.caseTitle}`, `${type.en} "${ctx.caseTitle}" is closed: ${statusEn}.`],
    PAYMENT_DUE: [`【拨付提醒】${ctx.caseTitle}`, `${type.zh}「${ctx.caseTitle}」已批准的款项应于${due.zh}拨付，请及时办理。`, `[Payment due] ${ctx.caseTitle}`, `The approved funds of ${type.en} "${ctx.caseTitle}" are to be paid on ${due.en}.`],
  };
  const [subjectZh, bodyZh, subjectEn, bodyEn] = lines[kind];
  return {
    subject: `${subjectZh} / ${subjectEn}`,
    text: `${bodyZh}\n查看：${ctx.link}\n\n${bodyEn}\nOpen: ${ctx.link}\n`,
    html: `<div lang="zh-CN"><p>${escapeHtml(bodyZh)}</p><p><a href="${escapeHtml(ctx.link)}">查看事项</a></p></div><hr><div lang="en"><p>${escapeHtml(bodyEn)}</p><p><a href="${escapeHtml(ctx.link)}">Open the case</a></p></div>`,
  };
}
