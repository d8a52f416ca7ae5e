/** 事项查询 for administrators: every filter of GET /api/cases (a teacher looked up by name or staff number), paging, and the result as CSV. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Form, Select, Space } from 'antd';
import type { Dayjs } from 'dayjs';
import { CASE_TYPES } from '../../../policy/case-types.js';
import { CaseTable } from '../components/CaseTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { TeacherSelect } from '../components/TeacherSelect.js';
import { useI18n } from '../i18n/index.js';
import { api, saveBlob, withQuery } from '../lib/api.js';
import { toCsv } from '../lib/csv.js';
import type { CaseRow, Page } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

const STATUSES = ['RUNNING', 'RETURNED', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'EXPIRED', 'COMPLETED', 'ENDED_EARLY'];
const PAGE_SIZE = 20;
// The API's largest page; the export walks every page of the result.
const EXPORT_PAGE = 200;

interface FormValues {
  type?: string;
  status?: string;
  groupId?: string;
  schoolId?: string;
  teacherId?: string;
  overdue?: string;
  from?: Dayjs | null;
  to?: Dayjs | null;
}

function toQuery(v: FormValues) {
  return {
    type: v.type,
    status: v.status,
    groupId: v.groupId,
    schoolId: v.schoolId,
    teacherId: v.teacherId,
    overdue: v.overdue,
    from: v.from?.format('YYYY-MM-DD'),
    to: v.to?.format('YYYY-MM-DD'),
  };
}

export default function SearchPage() {
  const { t, code, caseType, date } = useI18n();
  const { directory } = useSession();
  const { message } = App.useApp();
  const [query, setQuery] = useState<ReturnType<typeof toQuery>>(toQuery({}));
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);
  const { data, error, loading } = useApi<Page<CaseRow>>(withQuery('/api/cases', { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const rows: CaseRow[] = [];
      for (let offset = 0; ; offset += EXPORT_PAGE) {
        const chunk = await api<Page<CaseRow>>('GET', withQuery('/api/cases', { ...query, limit: EXPORT_PAGE, offset }));
        rows.push(...chunk.items);
        if (rows.length >= chunk.total || chunk.items.length === 0) break;
      }
      const header = [t('caseTitle'), t('caseType'), t('caseStatus'), t('group'), t('school'), t('overdue'), t('createdAt'), 'ID'];
      const body = rows.map((c) => [c.title, caseType(c.type), code('status', c.status), c.group?.name ?? '', c.school?.name ?? '', c.tasks.some((x) => x.overdue) ? t('yes') : t('no'), date(c.createdAt), c.id]);
      saveBlob(toCsv([header, ...body]), 'cases.csv');
      void message.success(t('exported', { n: rows.length }));
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('searchTitle')}</h1>}>
      <Form<FormValues>
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onFinish={(v) => {
          setQuery(toQuery(v));
          setPage(1);
        }}
        onReset={() => {
          setQuery(toQuery({}));
          setPage(1);
        }}
      >
        <Form.Item label={t('caseType')} name="type">
          <Select allowClear style={{ width: 170 }} placeholder={t('all')} options={CASE_TYPES.map((c) => ({ value: c, label: caseType(c) }))} />
        </Form.Item>
        <Form.Item label={t('caseStatus')} name="status">
          <Select allowClear style={{ width: 120 }} placeholder={t('all')} options={STATUSES.map((s) => ({ value: s, label: code('status', s) }))} />
        </Form.Item>
        <Form.Item label={t('group')} name="groupId">
          <Select allowClear style={{ width: 170 }} placeholder={t('all')} options={directory.groups.map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
        <Form.Item label={t('school')} name="schoolId">
          <Select allowClear showSearch={{ optionFilterProp: 'label' }} style={{ width: 170 }} placeholder={t('all')} options={directory.schools.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('teacher')} name="teacherId">
          <TeacherSelect />
        </Form.Item>
        <Form.Item label={t('overdue')} name="overdue">
          <Select
            allowClear
            style={{ width: 110 }}
            placeholder={t('all')}
            options={[
              { value: 'true', label: t('overdueOnly') },
              { value: 'false', label: t('notOverdue') },
            ]}
          />
        </Form.Item>
        <Form.Item label={t('dateFrom')} name="from">
          <DatePicker />
        </Form.Item>
        <Form.Item label={t('dateTo')} name="to">
          <DatePicker />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('search')}
          </Button>
          <Button htmlType="reset">{t('reset')}</Button>
          <Button loading={exporting} disabled={!data?.total} onClick={() => void exportCsv()}>
            {t('exportCsv')}
          </Button>
        </Space>
      </Form>
      <ErrorAlert error={error ?? exportError} />
      <CaseTable rows={data?.items ?? []} total={data?.total ?? 0} page={page} pageSize={PAGE_SIZE} loading={loading} empty={t('searchEmpty')} onPage={setPage} />
    </Card>
  );
}
