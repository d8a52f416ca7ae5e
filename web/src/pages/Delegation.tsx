/** 委托: name a colleague who sees and decides my tasks for a period; see whom I cover for. */
import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Empty, Form, List, Select, Space, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { useApi } from '../lib/use-api.js';
import { useSession } from '../session.js';

interface Person {
  id: string;
  login: string;
  displayName: string;
}
interface DelegationView {
  delegation: { id: string; startsAt: string; endsAt: string; delegate: Person } | null;
  coveringFor: { id: string; startsAt: string; endsAt: string; delegator: Person }[];
}

export default function DelegationPage() {
  const { t, dateTime } = useI18n();
  const { directory } = useSession();
  const { modal, message } = App.useApp();
  const { data, error, reload } = useApi<DelegationView>('/api/me/delegation');
  const [saveError, setSaveError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ delegateId: string; startsAt: Dayjs; endsAt: Dayjs }>();

  const run = async (method: 'PUT' | 'DELETE', body: unknown, done: string) => {
    setBusy(true);
    setSaveError(null);
    try {
      await api(method, '/api/me/delegation', body);
      void message.success(done);
      form.resetFields();
      reload();
    } catch (e) {
      setSaveError(e);
    } finally {
      setBusy(false);
    }
  };

  const save = (v: { delegateId: string; startsAt: Dayjs; endsAt: Dayjs }) => void run('PUT', { delegateId: v.delegateId, startsAt: v.startsAt.toISOString(), endsAt: v.endsAt.toISOString() }, t('delegationSaved'));

  return (
    <Space direction="vertical" size={16} style={{ width: '100%', maxWidth: 760 }}>
      <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('delegationTitle')}</h1>}>
        <Typography.Paragraph type="secondary">{t('delegationHint')}</Typography.Paragraph>
        <ErrorAlert error={error ?? saveError} />
        <h2 style={{ fontSize: 15 }}>{t('currentDelegation')}</h2>
        {data?.delegation ? (
          <Space direction="vertical">
            <Descriptions
              column={1}
              items={[
                { key: 'who', label: t('delegate'), children: `${data.delegation.delegate.displayName}（${data.delegation.delegate.login}）` },
                { key: 'period', label: t('period'), children: `${dateTime(data.delegation.startsAt)} – ${dateTime(data.delegation.endsAt)}` },
              ]}
            />
            <Button danger loading={busy} onClick={() => void modal.confirm({ title: t('confirmRevoke'), okText: t('confirm'), cancelText: t('cancel'), onOk: () => run('DELETE', undefined, t('delegationRevoked')) })}>
              {t('revokeDelegation')}
            </Button>
          </Space>
        ) : (
          <Typography.Paragraph>{t('noDelegation')}</Typography.Paragraph>
        )}
        {directory.colleagues.length === 0 ? (
          <Empty description={t('noColleagues')} />
        ) : (
          <Form form={form} layout="vertical" onFinish={save} style={{ marginTop: 16 }}>
            <Form.Item label={t('delegate')} name="delegateId" rules={[{ required: true, message: t('delegateRequired') }]}>
              <Select options={directory.colleagues.map((c) => ({ value: c.id, label: `${c.displayName}（${c.login}）` }))} />
            </Form.Item>
            {/* Two labelled pickers rather than one range picker, whose second input has no label of its own. */}
            <Space wrap style={{ display: 'flex' }}>
              <Form.Item label={t('startsAt')} name="startsAt" rules={[{ required: true, message: t('periodRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
              <Form.Item label={t('endsAt')} name="endsAt" rules={[{ required: true, message: t('periodRequired') }]}>
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('setDelegation')}
            </Button>
          </Form>
        )}
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>{t('coveringFor')}</h2>}>
        <List
          dataSource={data?.coveringFor ?? []}
          locale={{ emptyText: <Typography.Text>{t('coveringNone')}</Typography.Text> }}
          renderItem={(d) => (
            <List.Item>
              {d.delegator.displayName} · {dateTime(d.startsAt)} – {dateTime(d.endsAt)}
            </List.Item>
          )}
        />
      </Card>
    </Space>
  );
}
