/** The small marks officials scan for: case status, overdue, due soon, countersign progress. */
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/index.js';

const STATUS_COLOR: Record<string, string> = { RUNNING: 'processing', RETURNED: 'warning', APPROVED: 'success', COMPLETED: 'success', REJECTED: 'error' };
// Matches the reminder the engine sends 24 h before a step is due (policy reminderLeadHours).
const DUE_SOON_MS = 24 * 3_600_000;

export function StatusTag({ status }: { status: string }) {
  const { code } = useI18n();
  return <Tag color={STATUS_COLOR[status] ?? 'default'}>{code('status', status)}</Tag>;
}

export function DueBadge({ dueAt, overdue }: { dueAt: string; overdue: boolean }) {
  const { t } = useI18n();
  if (overdue) return <Tag color="red">{t('overdue')}</Tag>;
  if (Date.parse(dueAt) - Date.now() < DUE_SOON_MS) return <Tag color="orange">{t('dueSoon')}</Tag>;
  return null;
}

export function CountersignProgress({ parts }: { parts: { unit: string | null; state: string }[] }) {
  const { t, code } = useI18n();
  const done = parts.filter((p) => p.state === 'APPROVED').length;
  return (
    <Space size={4} wrap>
      <span>{t('countersignDone', { done, all: parts.length })}</span>
      {parts.map((p, i) => (
        <Tooltip key={`${p.unit ?? ''}-${i}`} title={code('task', p.state)}>
          <Tag color={p.state === 'APPROVED' ? 'green' : p.state === 'PENDING' ? 'default' : 'red'}>
            {p.unit ? code('unit', p.unit) : '—'} · {code('task', p.state)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
