/** 待办: the official's pending tasks with filters, due-date sort, overdue marks and countersign progress. */
import { useState } from 'react';
import { Card, Empty, Form, Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { CASE_TYPES } from '../../../policy/case-types.js';
import { CountersignProgress, DueBadge } from '../components/badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { withQuery } from '../lib/api.js';
import type { InboxItem, Page } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

interface Filters {
  caseType?: string;
  groupId?: string;
  schoolId?: string;
  overdue?: 'true' | 'false';
}

const PAGE_SIZE = 20;

export default function InboxPage() {
  const { t, code, caseType, stepTitle, dateTime } = useI18n();
  const { directory } = useSession();
  const [filters, setFilters] = useState<Filters>({});
  const [sort, setSort] = useState<'dueAt' | '-dueAt'>('dueAt');
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApi<Page<InboxItem>>(withQuery('/api/inbox', { ...filters, sort, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  const nameOf = (id: string) => directory.colleagues.find((c) => c.id === id)?.displayName ?? id.slice(0, 8);

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('inboxTitle')}</h1>}>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(_, all: Filters) => {
          setFilters(all);
          setPage(1);
        }}
      >
        <Form.Item label={t('caseType')} name="caseType">
          <Select allowClear style={{ width: 180 }} placeholder={t('all')} options={CASE_TYPES.map((c) => ({ value: c, label: caseType(c) }))} />
        </Form.Item>
        <Form.Item label={t('group')} name="groupId">
          <Select allowClear style={{ width: 180 }} placeholder={t('all')} options={directory.groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item label={t('school')} name="schoolId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 180 }} placeholder={t('all')} options={directory.schools.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('overdue')} name="overdue">
          <Select
            allowClear
            style={{ width: 120 }}
            placeholder={t('all')}
            options={[
              { value: 'true', label: t('overdueOnly') },
              { value: 'false', label: t('notOverdue') },
            ]}
          />
        </Form.Item>
      </Form>
      <ErrorAlert error={error} />
      <Table<InboxItem>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={t('inboxEmpty')} /> }}
        onChange={(_p, _f, sorter) => {
          const order = Array.isArray(sorter) ? undefined : sorter.order;
          setSort(order === 'descend' ? '-dueAt' : 'dueAt');
        }}
        pagination={{ current: page, pageSize: PAGE_SIZE, total: data?.total ?? 0, onChange: setPage, showTotal: (n) => t('total', { n }) }}
        columns={[
          {
            title: t('caseTitle'),
            key: 'title',
            render: (_, item) => (
              <Space direction="vertical" size={0}>
                <Link to={`/cases/${item.case.id}?task=${item.id}`}>{item.case.title}</Link>
                {item.actingFor && <Typography.Text type="secondary">{t('actingFor', { name: nameOf(item.actingFor) })}</Typography.Text>}
              </Space>
            ),
          },
          { title: t('caseType'), key: 'type', render: (_, item) => caseType(item.case.type) },
          { title: t('step'), key: 'step', render: (_, item) => `${stepTitle(item.stepKey)}（${code('kind', item.stepKind)}）` },
          { title: t('school'), key: 'school', render: (_, item) => [item.case.group?.name, item.case.school?.name].filter(Boolean).join(' / ') },
          {
            title: t('dueAt'),
            key: 'dueAt',
            sorter: true,
            sortOrder: sort === 'dueAt' ? 'ascend' : 'descend',
            sortDirections: ['ascend', 'descend', 'ascend'],
            render: (_, item) => (
              <Space size={4}>
                {dateTime(item.dueAt)}
                <DueBadge dueAt={item.dueAt} overdue={item.overdue} provisional={item.dueProvisional} />
              </Space>
            ),
          },
          { title: t('countersign'), key: 'countersign', render: (_, item) => (item.countersign ? <CountersignProgress parts={item.countersign} /> : '—') },
          {
            title: t('open'),
            key: 'open',
            render: (_, item) => (
              <Link to={`/cases/${item.case.id}?task=${item.id}`} aria-label={`${t('open')} ${item.case.title}`}>
                {t('open')}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}
