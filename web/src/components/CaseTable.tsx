/** A page of cases (我发起的, 抄送我, search): title, type, status, school, pending step and its due date. */
import { Empty, Space, Table } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';
import type { CaseRow } from '../lib/types.js';
import { DueBadge, StatusTag } from './badges.js';

export function CaseTable(props: { rows: CaseRow[]; total: number; page: number; pageSize: number; loading: boolean; empty: string; onPage(page: number): void }) {
  const { t, caseType, stepTitle, date, dateTime } = useI18n();
  return (
    <Table<CaseRow>
      rowKey="id"
      loading={props.loading}
      dataSource={props.rows}
      locale={{ emptyText: <Empty description={props.empty} /> }}
      pagination={{ current: props.page, pageSize: props.pageSize, total: props.total, onChange: props.onPage, showTotal: (n) => t('total', { n }) }}
      columns={[
        { title: t('caseTitle'), key: 'title', render: (_, c) => <Link to={`/cases/${c.id}`}>{c.title}</Link> },
        { title: t('caseType'), key: 'type', render: (_, c) => caseType(c.type) },
        { title: t('caseStatus'), key: 'status', render: (_, c) => <StatusTag status={c.status} /> },
        { title: t('school'), key: 'school', render: (_, c) => [c.group?.name, c.school?.name].filter(Boolean).join(' / ') },
        {
          title: t('step'),
          key: 'step',
          render: (_, c) =>
            c.tasks.map((task) => (
              <Space key={task.id} size={4}>
                {stepTitle(task.stepKey)} · {dateTime(task.dueAt)}
                <DueBadge dueAt={task.dueAt} overdue={task.overdue} provisional={task.dueProvisional} />
              </Space>
            )),
        },
        { title: t('createdAt'), key: 'created', render: (_, c) => date(c.createdAt) },
      ]}
    />
  );
}
