/** The case's full record: every decision with its comment and form, reminders, overdue flags, escalations. */
import { Empty, Timeline, Typography } from 'antd';
import { useI18n } from '../i18n/index.js';
import type { CaseDetail } from '../lib/types.js';

const COLOR: Record<string, string> = { APPROVED: 'green', REJECTED: 'red', RETURNED: 'orange', OVERDUE: 'red', ESCALATED: 'red', REMINDER_SENT: 'gray', WITHDRAWN: 'gray', CLOSED: 'blue' };

export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, code, stepTitle, dateTime } = useI18n();
  if (!detail.timeline.length) return <Empty description={t('timelineEmpty')} />;
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
            {e.comment && <div>{e.comment}</div>}
            {e.form && (
              <div>
                {Object.entries(e.form)
                  .map(([k, v]) => `${k}: ${String(v)}`)
                  .join('；')}
              </div>
            )}
          </div>
        ),
      }))}
    />
  );
}
