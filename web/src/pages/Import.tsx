/** 组织数据导入 for administrators: upload, the dry-run report with every row problem, apply, export. */
import { useState } from 'react';
import { Alert, App, Button, Card, Space, Table, Tag, Typography, Upload, type UploadFile } from 'antd';
import { TONE } from '../components/badges.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api, ApiError, download, upload } from '../lib/api.js';
import type { ImportProblem, ImportReport } from '../lib/types.js';

interface DryRun {
  id: string;
  report: ImportReport;
}

export default function ImportPage() {
  const { t, code } = useI18n();
  const { modal, message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [dryRun, setDryRun] = useState<DryRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const act = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(e);
      // A rejected apply carries the report as it is now: show it instead of the stale one.
      if (e instanceof ApiError && e.code === 'IMPORT_REJECTED' && dryRun) setDryRun({ ...dryRun, report: e.details as ImportReport });
    } finally {
      setBusy(false);
    }
  };

  const check = () =>
    act(async () => {
      const form = new FormData();
      for (const f of files) if (f.originFileObj) form.append('files', f.originFileObj, f.name);
      setDryRun(await upload<DryRun>('/api/org-data/imports', form));
    });

  const apply = (id: string) =>
    act(async () => {
      await api('POST', `/api/org-data/imports/${id}/apply`);
      setDryRun(null);
      setFiles([]);
      void message.success(t('applied'));
    });

  const report = dryRun?.report;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('importTitle')}</h1>}>
        <Typography.Paragraph type="secondary">{t('importHint')}</Typography.Paragraph>
        <ErrorAlert error={error} />
        <Upload
          multiple
          accept=".xlsx,.csv"
          fileList={files}
          beforeUpload={() => false}
          onChange={({ fileList }) => {
            setFiles(fileList);
            setDryRun(null);
          }}
        >
          <Button>{t('chooseFiles')}</Button>
        </Upload>
        <Space style={{ marginTop: 16 }}>
          <Button type="primary" loading={busy} onClick={() => (files.length ? void check() : void message.warning(t('noFilesChosen')))}>
            {t('dryRun')}
          </Button>
          {dryRun && (
            <Button
              disabled={!report?.ok}
              loading={busy}
              onClick={() => void modal.confirm({ title: t('confirmApply'), okText: t('confirm'), cancelText: t('cancel'), onOk: () => apply(dryRun.id) })}
            >
              {t('applyImport')}
            </Button>
          )}
        </Space>
      </Card>
      {report && (
        <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('problems')}</h2>} data-testid="import-report">
          <Alert
            style={{ marginBottom: 16 }}
            showIcon
            type={report.ok ? (report.warnings ? 'warning' : 'success') : 'error'}
            title={report.ok ? (report.warnings ? t('reportWarnings', { warnings: report.warnings }) : t('reportOk')) : t('reportErrors', { errors: report.errors, warnings: report.warnings })}
          />
          <Table
            size="small"
            pagination={false}
            rowKey="entity"
            style={{ marginBottom: 16 }}
            dataSource={Object.entries(report.counts).map(([entity, c]) => ({ entity, ...c }))}
            columns={[
              { title: t('entity'), dataIndex: 'entity', render: (e: string) => code('entity', e) },
              { title: t('rows'), dataIndex: 'rows' },
              { title: t('created'), dataIndex: 'created' },
              { title: t('changed'), dataIndex: 'changed' },
              { title: t('unchanged'), dataIndex: 'unchanged' },
            ]}
          />
          <Table<ImportProblem>
            size="small"
            rowKey={(p) => `${p.severity}-${p.sheet ?? ''}-${p.row ?? ''}-${p.column ?? ''}-${p.code}`}
            dataSource={report.problems}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
            columns={[
              { title: t('severity'), dataIndex: 'severity', render: (s: string) => <Tag color={s === 'error' ? TONE.red : TONE.orange}>{code('severity', s)}</Tag> },
              { title: t('sheet'), dataIndex: 'sheet' },
              { title: t('row'), dataIndex: 'row' },
              { title: t('column'), dataIndex: 'column' },
              { title: t('value'), dataIndex: 'value' },
              { title: t('reason'), dataIndex: 'message' },
            ]}
          />
        </Card>
      )}
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('exportTitle')}</h2>}>
        <Space wrap>
          <Button onClick={() => void act(() => download('/api/org-data/export/org-data.xlsx', 'org-data.xlsx'))}>{t('exportXlsx')}</Button>
          <Button onClick={() => void act(() => download('/api/org-data/templates/org-data.xlsx', 'org-data-template.xlsx'))}>{t('templateXlsx')}</Button>
        </Space>
      </Card>
    </Space>
  );
}
