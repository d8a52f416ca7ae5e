/** 已办: the decisions I made, newest first. */
import { useState } from 'react';
import { Card, Empty, Table } from 'antd';
import { Link } from 'react-router';
import { StatusTag } from '../components/badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { withQuery } from '../lib/api.js';
import type { DecidedItem, Page } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const PAGE_SIZE = 20;

export default function DecidedPage() {
  const { t, code, caseType, stepTitle, dateTime } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApi<Page<DecidedItem>>(withQuery('/api/tasks/decided', { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('decidedTitle')}</h1>}>
      <ErrorAlert error={error} />
      <Table<DecidedItem>
        rowKey={(d) => `${d.task?.id ?? ''}-${d.at}`}
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('decidedEmpty')} /> }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('total', { n }) }}
        columns={[
          { title: t('caseTitle'), key: 'title', render: (_, d) => <Link to={`/cases/${d.case.id}`}>{d.case.title}</Link> },
          { title: t('caseType'), key: 'type', render: (_, d) => caseType(d.case.type) },
          { title: t('step'), key: 'step', render: (_, d) => (d.task ? stepTitle(d.task.stepKey) : '—') },
          { title: t('decision'), key: 'decision', render: (_, d) => code('ev', d.decision) },
          { title: t('comment'), key: 'comment', render: (_, d) => d.comment ?? '—' },
          { title: t('decidedAt'), key: 'at', render: (_, d) => dateTime(d.at) },
          { title: t('caseStatus'), key: 'status', render: (_, d) => <StatusTag status={d.case.status} /> },
        ]}
      />
    </Card>
  );
}
