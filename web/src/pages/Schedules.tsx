/**
 * 年度排程 for schedulers: every yearly cycle with its calendar, next runs, last run and missed runs;
 * pause and resume with a note, run now, backfill a past period — each confirmed first.
 * Reads and drives /api/schedules (api/schedules/).
 */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Empty, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { TONE } from '../components/badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import type { CaseTypeCode } from '../../../policy/case-types.js';
import type { CycleKind } from '../../../workflows/cycles/messages.js';

// The cycles' own module imports Temporal's SDK, which stays out of the browser: the compiler checks this list against its type.
// Each cycle is named after the case type it opens.
const KINDS = { GROUP_ASSESSMENT: 'GROUP_ASSESSMENT', COMMENDATION_ROUND: 'COMMENDATION_ROUND', ROTATION_PLANS: 'ROTATION_PLAN' } satisfies Record<CycleKind, CaseTypeCode>;
const CYCLE_KINDS = Object.keys(KINDS) as CycleKind[];
const cycleCaseType = (kind: string): string => KINDS[kind as CycleKind] ?? kind;

interface ScheduleView {
  scheduleId: string;
  kind: string;
  calendar: { month: number; dayOfMonth: number; hour: number; minute: number } | null;
  paused: boolean;
  note: string | null;
  nextRuns: string[];
  recentRuns: { scheduledAt: string; takenAt: string; workflowId: string }[];
  missedRuns: string[];
}

type Dialog = { kind: 'pause' | 'resume' | 'backfill'; schedule: ScheduleView } | null;

export default function SchedulesPage() {
  const { t, caseType, dateTime } = useI18n();
  const { modal, message } = App.useApp();
  const { data, error, loading, reload } = useApi<{ items: ScheduleView[] }>('/api/schedules');
  const [actionError, setActionError] = useState<unknown>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [busy, setBusy] = useState(false);

  const run = async (method: 'POST', path: string, body: unknown, done: string) => {
    setBusy(true);
    setActionError(null);
    try {
      await api(method, path, body);
      void message.success(done);
      setDialog(null);
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  };

  const items = data?.items ?? [];
  const missing = CYCLE_KINDS.filter((k) => !items.some((i) => i.kind === k));
  const calendarText = (c: ScheduleView['calendar']) => (c ? t('everyYear', { month: c.month, day: c.dayOfMonth, time: `${String(c.hour).padStart(2, '0')}:${String(c.minute).padStart(2, '0')}` }) : '—');
  const path = (s: ScheduleView, action: string) => `/api/schedules/${s.kind}/${action}`;

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('schedulesTitle')}</h1>}>
      <Typography.Paragraph type="secondary">{t('schedulesHint')}</Typography.Paragraph>
      <ErrorAlert error={error ?? actionError} />
      <Table<ScheduleView>
        rowKey="scheduleId"
        loading={loading}
        dataSource={items}
        pagination={false}
        locale={{ emptyText: <Empty description={t('schedulesEmpty')} /> }}
        columns={[
          { title: t('cycle'), key: 'kind', render: (_, s) => caseType(cycleCaseType(s.kind)) },
          { title: t('calendar'), key: 'calendar', render: (_, s) => calendarText(s.calendar) },
          {
            title: t('scheduleState'),
            key: 'state',
            render: (_, s) => (
              <Space direction="vertical" size={0}>
                <Tag color={s.paused ? TONE.orange : TONE.green}>{s.paused ? t('paused') : t('active')}</Tag>
                {s.note && <Typography.Text type="secondary">{s.note}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('nextRuns'), key: 'next', render: (_, s) => s.nextRuns.slice(0, 2).map((d) => <div key={d}>{dateTime(d)}</div>) },
          { title: t('lastRun'), key: 'last', render: (_, s) => (s.recentRuns.length ? dateTime(s.recentRuns[s.recentRuns.length - 1]?.takenAt ?? '') : t('never')) },
          {
            title: t('missedRuns'),
            key: 'missed',
            render: (_, s) => (s.missedRuns.length ? s.missedRuns.map((d) => <Tag key={d} color={TONE.red}>{dateTime(d)}</Tag>) : t('noMissed')),
          },
          {
            title: '',
            key: 'actions',
            render: (_, s) => (
              <Space wrap>
                <Button size="small" onClick={() => setDialog({ kind: s.paused ? 'resume' : 'pause', schedule: s })}>
                  {s.paused ? t('resume') : t('pause')}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    void modal.confirm({
                      title: t('confirmTrigger', { name: caseType(cycleCaseType(s.kind)) }),
                      okText: t('confirm'),
                      cancelText: t('cancel'),
                      onOk: () => run('POST', path(s, 'trigger'), { requestId: crypto.randomUUID() }, t('triggered')),
                    })
                  }
                >
                  {t('trigger')}
                </Button>
                <Button size="small" onClick={() => setDialog({ kind: 'backfill', schedule: s })}>
                  {t('backfill')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      {missing.length > 0 && (
        <Space style={{ marginTop: 16 }} wrap>
          {missing.map((kind) => (
            <Button key={kind} onClick={() => void run('POST', '/api/schedules', { kind }, t('scheduleCreated'))} loading={busy}>
              {t('createSchedule')}：{caseType(cycleCaseType(kind))}
            </Button>
          ))}
        </Space>
      )}
      <Modal open={dialog !== null} title={dialog ? t(dialog.kind === 'pause' ? 'pauseTitle' : dialog.kind === 'resume' ? 'resumeTitle' : 'backfillTitle') : ''} footer={null} onCancel={() => setDialog(null)} destroyOnHidden>
        {dialog && dialog.kind !== 'backfill' && (
          <Form layout="vertical" onFinish={(v: { note: string }) => void run('POST', path(dialog.schedule, dialog.kind), { note: v.note }, t(dialog.kind === 'pause' ? 'paused_done' : 'resumed_done'))}>
            <Form.Item label={t('note')} name="note" rules={[{ required: true, whitespace: true, message: t('noteRequired') }]}>
              <Input.TextArea rows={2} maxLength={500} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('confirm')}
            </Button>
          </Form>
        )}
        {dialog?.kind === 'backfill' && (
          // The API refuses a period that ends in the future, so a period ending today ends now.
          <Form layout="vertical" onFinish={(v: { from: Dayjs; to: Dayjs }) => void run('POST', path(dialog.schedule, 'backfill'), { from: v.from.startOf('day').toISOString(), to: (v.to.endOf('day').isAfter(dayjs()) ? dayjs() : v.to.endOf('day')).toISOString() }, t('backfilled'))}>
            <Typography.Paragraph type="secondary">{t('backfillHint')}</Typography.Paragraph>
            <Form.Item label={t('dateFrom')} name="from" rules={[{ required: true, message: t('periodRequired') }]}>
              <DatePicker />
            </Form.Item>
            <Form.Item label={t('dateTo')} name="to" rules={[{ required: true, message: t('periodRequired') }]}>
              <DatePicker />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('confirm')}
            </Button>
          </Form>
        )}
      </Modal>
    </Card>
  );
}
