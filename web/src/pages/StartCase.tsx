/** 发起事项: start a case of a type officials start themselves (POST /api/cases). */
import { useRef, useState } from 'react';
import { App, Button, Card, Form, Input, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { CHAIN_CASE_TYPES, UNIT_CODES } from '../../../policy/approval-chains.js';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { useSession } from '../session.js';

interface Values {
  type: string;
  title: string;
  schoolId?: string;
  description?: string;
  copyUnits?: string[];
}

export default function StartCasePage() {
  const { t, code, caseType } = useI18n();
  const { me, directory } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A second click while the first is out must not start a second case.
  const sending = useRef(false);

  const submit = async (v: Values) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ id: string }>('POST', '/api/cases', {
        type: v.type,
        title: v.title,
        ...(v.schoolId ? { schoolId: v.schoolId } : {}),
        ...(v.description?.trim() ? { description: v.description.trim() } : {}),
        ...(v.copyUnits?.length ? { copyTo: { officialIds: [], unitCodes: v.copyUnits } } : {}),
      });
      void message.success(t('started'));
      await navigate(`/cases/${created.id}`);
    } catch (e) {
      setError(e);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('startTitle')}</h1>} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('startHint')}</Typography.Paragraph>
      <ErrorAlert error={error} />
      <Form<Values> layout="vertical" initialValues={{ type: CHAIN_CASE_TYPES[0] }} onFinish={(v) => void submit(v)}>
        <Form.Item label={t('caseType')} name="type" rules={[{ required: true, message: t('typeRequired') }]}>
          <Select options={CHAIN_CASE_TYPES.map((c) => ({ value: c, label: caseType(c) }))} />
        </Form.Item>
        {!me.schoolId && (
          <Form.Item label={t('startSchool')} name="schoolId" rules={[{ required: true, message: t('schoolRequired') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={directory.schools.map((s) => ({ value: s.id, label: s.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('caseTitle')} name="title" rules={[{ required: true, whitespace: true, message: t('titleRequired') }]}>
          <Input maxLength={200} placeholder={t('titlePlaceholder')} />
        </Form.Item>
        <Form.Item label={t('description')} name="description">
          <Input.TextArea rows={4} maxLength={4000} />
        </Form.Item>
        <Form.Item label={t('copyUnits')} name="copyUnits">
          <Select mode="multiple" options={UNIT_CODES.map((u) => ({ value: u, label: code('unit', u) }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('submitStart')}
        </Button>
      </Form>
    </Card>
  );
}
