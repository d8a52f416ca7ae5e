/** The small marks officials scan for: case status, overdue, due soon, countersign progress. */
import { Space, Tag, Tooltip } from 'antd';
import { useI18n } from '../i18n/index.js';

/** Dark enough for white text at WCAG AA; Ant Design's light preset tags are not. */
export const TONE = { blue: '#0958d9', green: '#237804', orange: '#ad4e00', red: '#a8071a', grey: '#595959' } as const;
const STATUS_COLOR: Record<string, string> = { RUNNING: TONE.blue, RETURNED: TONE.orange, APPROVED: TONE.green, COMPLETED: TONE.green, REJECTED: TONE.red };
// Matches the reminder the engine sends 24 h before a step is due (policy reminderLeadHours).
const DUE_SOON_MS = 24 * 3_600_000;

export function StatusTag({ status }: { status: string }) {
  const { code } = useI18n();
  return <Tag color={STATUS_COLOR[status] ?? TONE.grey}>{code('status', status)}</Tag>;
}

export function DueBadge({ dueAt, overdue, provisional = false }: { dueAt: string; overdue: boolean; provisional?: boolean }) {
  const { t } = useI18n();
  if (overdue) return <Tag color={TONE.red}>{t('overdue')}</Tag>;
  const soon = Date.parse(dueAt) - Date.now() < DUE_SOON_MS ? <Tag color={TONE.orange}>{t('dueSoon')}</Tag> : null;
  if (!provisional) return soon;
  // The deadline counts days of a year whose holidays the bureau has not entered: it may still move.
  return (
    <>
      {soon}
      <Tooltip title={t('dueProvisionalHint')}>
        <Tag color={TONE.grey} data-testid="due-provisional">
          {t('dueProvisional')}
        </Tag>
      </Tooltip>
    </>
  );
}

export function CountersignProgress({ parts }: { parts: { unit: string | null; state: string }[] }) {
  const { t, code } = useI18n();
  const done = parts.filter((p) => p.state === 'APPROVED').length;
  return (
    <Space size={4} wrap>
      <span>{t('countersignDone', { done, all: parts.length })}</span>
      {parts.map((p, i) => (
        <Tooltip key={`${p.unit ?? ''}-${i}`} title={code('task', p.state)}>
          <Tag color={p.state === 'APPROVED' ? TONE.green : p.state === 'PENDING' ? TONE.grey : TONE.red}>
            {p.unit ? code('unit', p.unit) : '—'} · {code('task', p.state)}
          </Tag>
        </Tooltip>
      ))}
    </Space>
  );
}
