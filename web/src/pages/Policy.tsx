/**
 * 政策参数: the policy's numbers as versioned data (issue 14 point 2). Everyone sees the version in
 * force and every version with its effective date; EDU leads change numbers for a coming date,
 * which applies to cases started from that day while running cases keep their version.
 */
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Form, Input, InputNumber, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

interface Version {
  version: number;
  effectiveFrom: string;
  note: string;
  createdAt: string;
  config: Record<string, unknown>;
  createdBy: { displayName: string } | null;
}
interface PolicyView {
  current: { version: number; config: Record<string, unknown> };
  versions: Version[];
}

/** Every number of a config, by its dotted path (exchange.termSchoolYears → 3). */
export function numbersOf(config: Record<string, unknown>, prefix = ''): [string, number][] {
  return Object.entries(config).flatMap(([key, value]): [string, number][] => {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'number') return [[path, value]];
    if (value && typeof value === 'object' && !Array.isArray(value)) return numbersOf(value as Record<string, unknown>, path);
    return [];
  });
}

/** The changed numbers as the nested object the API lays over the version in force. */
function changesOf(changed: Record<string, number>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(changed)) {
    const keys = path.split('.');
    let node = out;
    for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1] as string] = value;
  }
  return out;
}

// The calendar's own numbers, the same in every version.
const FIXED = new Set(['utcOffsetMinutes', 'schoolYearStart.month', 'schoolYearStart.day']);

export default function PolicyPage() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<PolicyView>('/api/policy');
  const [changed, setChanged] = useState<Record<string, number>>({});
  const [effectiveFrom, setEffectiveFrom] = useState<Dayjs | null>(null);
  const [note, setNote] = useState('');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const mayChange = me.isLead && me.unitCode === 'EDU';
  const numbers = useMemo(() => (data ? numbersOf(data.current.config).filter(([path]) => !FIXED.has(path)) : []), [data]);

  const save = async () => {
    setBusy(true);
    setSaveError(null);
    try {
      const added = await api<{ version: number }>('POST', '/api/policy/versions', { effectiveFrom: effectiveFrom?.format('YYYY-MM-DD'), note, changes: changesOf(changed) });
      void message.success(t('policySaved', { version: added.version }));
      setChanged({});
      setNote('');
      reload();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('policyTitle')}</Typography.Title>
      <Typography.Paragraph>{t('policyIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      {data && <Alert type="info" showIcon title={t('policyInForce', { version: data.current.version })} />}
      <Card title={t('policyNumbers')}>
        <ErrorAlert error={saveError} />
        <Table<[string, number]>
          rowKey={([path]) => path}
          size="small"
          pagination={false}
          dataSource={numbers}
          columns={[
            { title: t('policyParameter'), render: (_, [path]) => <code>{path}</code> },
            { title: t('policyValue'), render: (_, [, value]) => value },
            ...(mayChange
              ? [
                  {
                    title: t('policyNewValue'),
                    render: (_: unknown, [path, value]: [string, number]) => (
                      <InputNumber
                        aria-label={path}
                        value={changed[path] ?? value}
                        onChange={(v) => {
                          const next = { ...changed };
                          if (v === null || v === value) delete next[path];
                          else next[path] = v;
                          setChanged(next);
                        }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {mayChange ? (
          <Form layout="inline" style={{ marginTop: 16 }} onFinish={() => void save()}>
            <Form.Item label={t('policyEffectiveFrom')} htmlFor="policy-effective-from" required>
              <DatePicker id="policy-effective-from" value={effectiveFrom} onChange={setEffectiveFrom} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
            </Form.Item>
            <Form.Item label={t('policyNote')} htmlFor="policy-note" required>
              <Input id="policy-note" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} style={{ width: 320 }} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy} disabled={!effectiveFrom || !note.trim() || Object.keys(changed).length === 0}>
              {t('policySave', { n: Object.keys(changed).length })}
            </Button>
          </Form>
        ) : (
          <Typography.Text type="secondary">{t('policyReadOnly')}</Typography.Text>
        )}
      </Card>
      <Card title={t('policyVersions')}>
        <Table<Version>
          rowKey="version"
          size="small"
          pagination={false}
          dataSource={[...(data?.versions ?? [])].reverse()}
          columns={[
            { title: t('policyVersion'), dataIndex: 'version', render: (v: number) => (v === data?.current.version ? <Tag color="#237804">{v}</Tag> : v) },
            { title: t('policyEffectiveFrom'), dataIndex: 'effectiveFrom', render: (v: string) => date(v) },
            { title: t('policyNote'), dataIndex: 'note' },
            { title: t('calendarUpdatedBy'), dataIndex: 'createdBy', render: (v: Version['createdBy']) => v?.displayName ?? '—' },
          ]}
        />
      </Card>
    </Space>
  );
}
