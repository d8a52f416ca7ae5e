/**
 * 工作日历: how far the holiday and 调休 calendar reaches, the years entered, and one year's list,
 * which Education Bureau administrators enter or correct as CSV lines (pasted or read from a
 * file). Reads and drives /api/calendar (api/calendar/).
 */
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Input, InputNumber, Space, Table, Typography, Upload } from 'antd';
import { useI18n, isMessageKey } from '../i18n/index.js';
import { ApiError, sendText } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

interface Coverage {
  today: string;
  coveredUntil: string | null;
  daysCovered: number;
  missingYears: number[];
  warning: boolean;
}
interface YearView {
  year: number;
  source: string;
  updatedAt: string;
  updatedBy: string | null;
  holidays: number;
  workingDays: number;
}
interface YearDays {
  year: number;
  covered: boolean;
  days: { date: string; kind: 'HOLIDAY' | 'WORKING_DAY'; name: string }[];
}
interface Problem {
  index: number;
  date: string;
  code: string;
}

export function CoverageAlert({ coverage }: { coverage: Coverage }) {
  const { t } = useI18n();
  const reach = coverage.coveredUntil ? t('calendarCoveredUntil', { date: coverage.coveredUntil, days: coverage.daysCovered }) : t('calendarNothingCovered');
  return (
    <Alert
      type={coverage.warning ? 'warning' : 'success'}
      showIcon
      title={reach}
      description={coverage.warning ? t('calendarMissing', { years: coverage.missingYears.join('、') }) : undefined}
      style={{ marginBottom: 16 }}
      data-testid="calendar-coverage"
    />
  );
}

export default function CalendarPage() {
  const { t, dateTime } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const overview = useApi<{ coverage: Coverage; years: YearView[] }>('/api/calendar');
  const nextYear = Number((overview.data?.coverage.today ?? new Date().toISOString()).slice(0, 4)) + 1;
  const [year, setYear] = useState<number | null>(null);
  const shown = year ?? overview.data?.coverage.missingYears[0] ?? nextYear;
  const days = useApi<YearDays>(`/api/calendar/years/${shown}`);
  const [csv, setCsv] = useState('');
  const [problems, setProblems] = useState<Problem[]>([]);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Only the Education Bureau's administrators keep the calendar (api/authorization.ts).
  const mayEdit = me.roles.includes('ADMIN') && me.unitCode === 'EDU';

  useEffect(() => {
    if (days.data) setCsv(days.data.days.map((d) => `${d.date},${t(`calendarDay_${d.kind}`)},${d.name}`).join('\n'));
  }, [days.data, t]);

  const save = async () => {
    setBusy(true);
    setProblems([]);
    setSaveError(null);
    try {
      const saved = await sendText<{ holidays: number; workingDays: number }>('PUT', `/api/calendar/years/${shown}`, csv, 'text/csv');
      void message.success(t('calendarSaved', { year: shown, holidays: saved.holidays, workingDays: saved.workingDays }));
      overview.reload();
      days.reload();
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { problems?: Problem[] } | undefined) : undefined;
      if (details?.problems) setProblems(details.problems);
      setSaveError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };

  const sourceText = (source: string) => (source === 'API' ? t('calendarSourceAPI') : source === 'IMPORT' ? t('calendarSourceIMPORT') : t('calendarSourceDataset', { source }));
  const problemText = (code: string) => {
    const key = `calendarProblem_${code}`;
    return isMessageKey(key) ? t(key) : code;
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('calendarTitle')}</Typography.Title>
      <Typography.Paragraph>{t('calendarIntro')}</Typography.Paragraph>
      {overview.data && <CoverageAlert coverage={overview.data.coverage} />}
      <Card title={t('calendarEditYear')}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <InputNumber aria-label={t('calendarYear')} min={2000} max={2100} value={shown} onChange={(v) => v && setYear(v)} />
          {days.data && !days.data.covered && <Alert type="warning" showIcon title={t('calendarNotCovered', { year: shown })} />}
          <label htmlFor="calendar-csv">{t('calendarCsvLabel', { year: shown })}</label>
          <Input.TextArea id="calendar-csv" rows={12} value={csv} onChange={(e) => setCsv(e.target.value)} readOnly={!mayEdit} style={{ fontFamily: 'monospace' }} />
          <Typography.Text type="secondary">{t('calendarCsvHint')}</Typography.Text>
          {saveError && (
            <Alert
              type="error"
              showIcon
              role="alert"
              title={saveError}
              description={
                problems.length ? (
                  <ul>
                    {problems.map((p) => (
                      <li key={`${p.index}-${p.code}`}>{p.index >= 0 ? t('calendarProblemLine', { line: p.index + 1, date: p.date, problem: problemText(p.code) }) : problemText(p.code)}</li>
                    ))}
                  </ul>
                ) : undefined
              }
            />
          )}
          {mayEdit ? (
            <Space wrap>
              <Upload
                accept=".csv,text/csv"
                showUploadList={false}
                beforeUpload={(file) => {
                  void file.text().then(setCsv);
                  return false;
                }}
              >
                <Button>{t('calendarLoadFile')}</Button>
              </Upload>
              <Button type="primary" loading={busy} onClick={() => void save()}>
                {t('calendarSave')}
              </Button>
            </Space>
          ) : (
            <Typography.Text type="secondary">{t('calendarReadOnly')}</Typography.Text>
          )}
        </Space>
      </Card>
      <Card title={t('calendarYears')}>
        <Table<YearView>
          rowKey="year"
          size="small"
          loading={overview.loading}
          dataSource={[...(overview.data?.years ?? [])].reverse()}
          pagination={{ pageSize: 10 }}
          columns={[
            { title: t('calendarYear'), dataIndex: 'year', render: (y: number) => <Typography.Link onClick={() => setYear(y)}>{y}</Typography.Link> },
            { title: t('calendarHolidays'), dataIndex: 'holidays' },
            { title: t('calendarWorkingDays'), dataIndex: 'workingDays' },
            { title: t('calendarSource'), dataIndex: 'source', render: sourceText },
            { title: t('calendarUpdatedAt'), dataIndex: 'updatedAt', render: (v: string) => dateTime(v) },
            { title: t('calendarUpdatedBy'), dataIndex: 'updatedBy', render: (v: string | null) => v ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
