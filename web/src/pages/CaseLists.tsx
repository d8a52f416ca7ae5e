/** 我发起的 and 抄送我: the same paged case list over two endpoints. */
import { useState } from 'react';
import { Card } from 'antd';
import { CaseTable } from '../components/CaseTable.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { withQuery } from '../lib/api.js';
import type { CaseRow, Page } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';

const PAGE_SIZE = 20;

function CaseListPage({ path, title, empty }: { path: string; title: MessageKey; empty: MessageKey }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const { data, error, loading } = useApi<Page<CaseRow>>(withQuery(path, { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE }));
  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t(title)}</h1>}>
      <ErrorAlert error={error} />
      <CaseTable rows={data?.items ?? []} total={data?.total ?? 0} page={page} pageSize={PAGE_SIZE} loading={loading} empty={t(empty)} onPage={setPage} />
    </Card>
  );
}

export function StartedPage() {
  return <CaseListPage path="/api/cases/started" title="startedTitle" empty="startedEmpty" />;
}

export function CopiedPage() {
  return <CaseListPage path="/api/cases/copied" title="copiedTitle" empty="copiedEmpty" />;
}
