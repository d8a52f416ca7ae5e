/**
 * 统计报表: tight-group coverage against its targets, the rotation quota checks per group, the
 * subsidy ledger, and open and overdue tasks per unit — each chart with its table beside it.
 * Reads GET /api/reports/{coverage,exchange,ledger,cases} (api/reports/).
 */
import { useMemo, type ReactNode } from 'react';
import { Card, Col, Empty, Row, Space, Table, Tag, Typography } from 'antd';
import { TONE } from '../components/badges.js';
import { Chart, type ChartOption } from '../components/Chart.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import type { CoverageReport, ExchangeReport, LedgerReport, OpenCasesReport, ShareCheck } from '../lib/reports.js';
import { useApi } from '../lib/use-api.js';

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

function ReportCard({ title, error, empty, chart, table }: { title: string; error: unknown; empty: boolean; chart: ReactNode; table: ReactNode }) {
  const { t } = useI18n();
  return (
    <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{title}</h2>}>
      <ErrorAlert error={error} />
      {empty ? (
        <Empty description={t('reportEmpty')} />
      ) : (
        <Row gutter={16}>
          <Col xs={24} xl={10}>
            {chart}
          </Col>
          <Col xs={24} xl={14}>
            {table}
          </Col>
        </Row>
      )}
    </Card>
  );
}

function Met({ met }: { met: boolean }) {
  const { t } = useI18n();
  return <Tag color={met ? TONE.green : TONE.red}>{met ? t('met') : t('notMet')}</Tag>;
}

function CoverageSection() {
  const { t } = useI18n();
  const { data, error } = useApi<CoverageReport>('/api/reports/coverage');
  const rows = data?.rows ?? [];
  const option = useMemo<ChartOption>(() => {
    const targets = [...(rows[0]?.targets ?? [])].sort((a, b) => a.share - b.share);
    const row = rows[0];
    // One district: a gauge, red below the first target (80 %), amber up to the next (90 %), green above.
    if (rows.length === 1 && row)
      return {
        series: [
          {
            type: 'gauge',
            min: 0,
            max: 100,
            axisLine: { lineStyle: { width: 14, color: [...targets.map((x, i) => [x.share, i === 0 ? TONE.red : TONE.orange]), [1, TONE.green]] } },
            title: { offsetCenter: [0, '80%'] },
            detail: { formatter: '{value}%', fontSize: 22, offsetCenter: [0, '45%'] },
            data: [{ value: row.share === null ? 0 : Number((row.share * 100).toFixed(1)), name: t('coverageShare') }],
          },
        ],
      };
    // Several districts (an administrator's view): one bar each, the targets as lines across.
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => r.districtName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        {
          name: t('coverageShare'),
          type: 'bar',
          data: rows.map((r) => (r.share === null ? 0 : Number((r.share * 100).toFixed(1)))),
          markLine: { symbol: 'none', data: targets.map((x) => ({ yAxis: x.share * 100, name: String(x.year) })) },
        },
      ],
    };
  }, [rows, t]);
  return (
    <ReportCard
      title={t('coverageTitle')}
      error={error}
      empty={!error && data !== undefined && rows.length === 0}
      chart={<Chart option={option} label={t('coverageTitle')} />}
      table={
        <Table
          size="small"
          pagination={false}
          rowKey="districtId"
          dataSource={rows}
          columns={[
            { title: t('district'), dataIndex: 'districtName' },
            { title: t('schools'), dataIndex: 'schools' },
            { title: t('inTightGroup'), dataIndex: 'inTightGroup' },
            { title: t('coverageShare'), key: 'share', render: (_, r) => percent(r.share) },
            ...(rows[0]?.targets ?? []).map((target, i) => ({
              title: t('target', { year: target.year, share: percent(target.share) }),
              key: `target-${target.year}`,
              render: (_: unknown, r: (typeof rows)[number]) => (
                <Space size={4}>
                  <Met met={r.targets[i]?.met ?? false} />
                  {t('requiredSchools')} {r.targets[i]?.requiredSchools}
                </Space>
              ),
            })),
          ]}
        />
      }
    />
  );
}

function RotationSection() {
  const { t } = useI18n();
  const { data, error } = useApi<ExchangeReport>('/api/reports/exchange');
  const rows = data?.rows ?? [];
  const check = (c: ShareCheck) => (
    <Space size={4}>
      <Met met={c.met} />
      {c.count}/{c.required}
    </Space>
  );
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36, left: 40, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => r.groupName), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('exchanging'), type: 'bar', data: rows.map((r) => r.quota.count) },
        { name: t('requiredCount'), type: 'bar', data: rows.map((r) => r.quota.required) },
      ],
    }),
    [rows, t],
  );
  return (
    <ReportCard
      title={t('rotationTitle', { year: data ? `${data.schoolYear}-${data.schoolYear + 1}` : '' })}
      error={error}
      empty={!error && data !== undefined && rows.length === 0}
      chart={<Chart option={option} label={t('rotationTitle', { year: data?.schoolYear ?? '' })} />}
      table={
        <Table
          size="small"
          pagination={false}
          rowKey="groupId"
          dataSource={rows}
          columns={[
            { title: t('group'), dataIndex: 'groupName' },
            { title: t('teachers'), dataIndex: 'teachers' },
            { title: t('due'), dataIndex: 'due' },
            { title: t('exchanging'), dataIndex: 'exchanging' },
            { title: t('quotaCheck'), key: 'quota', render: (_, r) => check(r.quota) },
            { title: t('backboneCheck'), key: 'backbone', render: (_, r) => check(r.backbone) },
          ]}
        />
      }
    />
  );
}

function LedgerSection() {
  const { t, yuan } = useI18n();
  const { data, error } = useApi<LedgerReport>('/api/reports/ledger');
  const rows = data?.rows ?? [];
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 80, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => `${r.schoolName} ${r.schoolYear}`), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', axisLabel: { formatter: (v: number) => `¥${v.toLocaleString()}` } },
      series: [{ name: t('ledgerTotal'), type: 'bar', data: rows.map((r) => r.total.fen / 100) }],
    }),
    [rows, t],
  );
  return (
    <ReportCard
      title={t('ledgerTitle')}
      error={error}
      empty={!error && data !== undefined && rows.length === 0}
      chart={<Chart option={option} label={t('ledgerTitle')} />}
      table={
        <Table
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowKey={(r) => `${r.schoolId}-${r.schoolYear}`}
          dataSource={rows}
          columns={[
            { title: t('school'), dataIndex: 'schoolName' },
            { title: t('schoolYear'), key: 'year', render: (_, r) => `${r.schoolYear}-${r.schoolYear + 1}` },
            { title: t('ledgerTotal'), key: 'total', align: 'right', render: (_, r) => yuan(r.total.fen) },
            { title: t('entries'), key: 'entries', render: (_, r) => r.total.entries },
          ]}
        />
      }
    />
  );
}

function OpenCasesSection() {
  const { t, lang, dateTime } = useI18n();
  const { data, error } = useApi<OpenCasesReport>('/api/reports/cases');
  const rows = data?.rows ?? [];
  const nameOf = (r: (typeof rows)[number]) => (lang === 'zh-CN' ? r.name : r.nameEn);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { top: 36, left: 40, right: 16, bottom: 60 },
      xAxis: { type: 'category', data: rows.map((r) => (lang === 'zh-CN' ? r.name : r.nameEn)), axisLabel: { rotate: 30 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: t('pendingTasks'), type: 'bar', data: rows.map((r) => r.pendingTasks) },
        { name: t('overdueTasks'), type: 'bar', data: rows.map((r) => r.overdueTasks), itemStyle: { color: TONE.red } },
      ],
    }),
    [rows, t, lang],
  );
  return (
    <ReportCard
      title={t('openCasesTitle')}
      error={error}
      empty={!error && data !== undefined && rows.length === 0}
      chart={<Chart option={option} label={t('openCasesTitle')} />}
      table={
        <Table
          size="small"
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          rowKey="id"
          dataSource={rows}
          columns={[
            { title: t('routedTo'), key: 'name', render: (_, r) => nameOf(r) },
            { title: t('pendingTasks'), dataIndex: 'pendingTasks' },
            { title: t('overdueTasks'), dataIndex: 'overdueTasks' },
            { title: t('openCases'), dataIndex: 'openCases' },
            { title: t('oldestDue'), key: 'oldest', render: (_, r) => (r.oldestDueAt ? dateTime(r.oldestDueAt) : '—') },
          ]}
        />
      }
    />
  );
}

export default function DashboardPage() {
  const { t } = useI18n();
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('dashboardTitle')}</h1>}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('dashboardHint')}
        </Typography.Paragraph>
      </Card>
      <CoverageSection />
      <RotationSection />
      <LedgerSection />
      <OpenCasesSection />
    </Space>
  );
}
