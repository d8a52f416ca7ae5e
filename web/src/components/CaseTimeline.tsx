/** The case's full record: every decision with its comment and form, reminders, overdue flags, escalations. */
import { Empty, Timeline, Typography } from 'antd';
import { isMessageKey, useI18n, type MessageKey } from '../i18n/index.js';
import { formSummary } from '../lib/form-summary.js';
import type { CaseDetail, CaseEvent } from '../lib/types.js';
import { useSession } from '../session.js';

const COLOR: Record<string, string> = { APPROVED: 'green', REJECTED: 'red', RETURNED: 'orange', OVERDUE: 'red', ESCALATED: 'red', REMINDER_SENT: 'gray', WITHDRAWN: 'gray', CLOSED: 'blue' };

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, code, stepTitle, dateTime } = useI18n();
  const { directory } = useSession();
  // Claims and reassignments record the new assignee's id, escalations the unit they went to: show names.
  const note = (e: CaseEvent): string | null => {
    if (!e.comment) return null;
    if (e.kind === 'CLAIMED' || e.kind === 'REASSIGNED') {
      const name = directory.colleagues.find((c) => c.id === e.comment)?.displayName ?? detail.tasks.find((x) => x.assignee?.id === e.comment)?.assignee?.displayName;
      return name ? `→ ${name}` : null;
    }
    if (e.kind === 'ESCALATED') return `→ ${code('unit', e.comment)}`;
    return e.comment;
  };
  if (!detail.timeline.length) return <Empty description={t('timelineEmpty')} />;
  // The names behind the ids a form refers to: the round's nominees, my school's or group's teachers, the district's schools.
  const nominees = Array.isArray(detail.subject.nominees) ? (detail.subject.nominees as { nominationId: string; name: string }[]) : [];
  const names = new Map<string, string>([
    ...nominees.map((n) => [n.nominationId, n.name] as const),
    ...[...directory.teachers, ...directory.groupTeachers].map((x) => [x.id, `${x.name}（${x.staffNo}）`] as const),
    ...directory.schools.map((x) => [x.id, x.name] as const),
  ]);
  const fieldLabel = (key: string) => (isMessageKey(`formField_${key}`) ? t(`formField_${key}` as MessageKey) : key);
  const stepOf = (taskId: string | null) => {
    const task = detail.tasks.find((x) => x.id === taskId);
    return task ? stepTitle(task.stepKey) : null;
  };
  return (
    <Timeline
      items={detail.timeline.map((e) => ({
        key: e.id,
        color: COLOR[e.kind] ?? 'blue',
        content: (
          <div data-testid={`event-${e.kind}`}>
            <Typography.Text strong>{code('ev', e.kind)}</Typography.Text>
            {stepOf(e.taskId) && <> · {stepOf(e.taskId)}</>}
            {' · '}
            {e.actor?.displayName ?? t('system')}
            {e.onBehalfOf && t('onBehalfOf', { name: e.onBehalfOf.displayName })}
            <div>
              <Typography.Text type="secondary">{dateTime(e.at)}</Typography.Text>
            </div>
            {note(e) && <div>{note(e)}</div>}
            {e.form && <div>{formSummary(e.form, { label: fieldLabel, nameOf: (id) => names.get(id), none: t('none') })}</div>}
          </div>
        ),
      }))}
    />
  );
}
