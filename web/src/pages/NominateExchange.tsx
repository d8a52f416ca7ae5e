/** 发起教师交流: a school official nominates a teacher of the school for an exchange term (POST /api/exchange/terms). */
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Select, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { nextSchoolYear } from '../lib/school-year.js';
import { useSession } from '../session.js';

interface Values {
  teacherId: string;
  toSchoolId: string;
  startSchoolYear: number;
}

export default function NominateExchangePage() {
  const { t } = useI18n();
  const { me, directory } = useSession();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A second click while the first is out must not nominate twice.
  const sending = useRef(false);

  const mySchool = directory.schools.find((s) => s.id === me.schoolId);
  const destinations = directory.schools.filter((s) => mySchool?.groupId && s.groupId === mySchool.groupId && s.id !== mySchool.id);
  const next = nextSchoolYear();
  const years = [next - 1, next, next + 1];

  const submit = async (v: Values) => {
    if (sending.current) return;
    sending.current = true;
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ caseId: string }>('POST', '/api/exchange/terms', v);
      void message.success(t('nominated'));
      await navigate(`/cases/${created.caseId}`);
    } catch (e) {
      setError(e);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  };

  return (
    <Card title={<h1 style={{ fontSize: 18, margin: 0 }}>{t('nominateTitle')}</h1>} style={{ maxWidth: 720 }}>
      <Typography.Paragraph type="secondary">{t('nominateHint')}</Typography.Paragraph>
      {directory.teachers.length === 0 && <Alert type="info" showIcon title={t('nominateNoTeachers')} style={{ marginBottom: 16 }} />}
      <ErrorAlert error={error} />
      <Form<Values> layout="vertical" initialValues={{ startSchoolYear: next }} onFinish={(v) => void submit(v)}>
        <Form.Item label={t('nominateTeacher')} name="teacherId" rules={[{ required: true, message: t('nominateTeacherRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={directory.teachers.map((x) => ({ value: x.id, label: `${x.name}（${x.staffNo}）` }))} />
        </Form.Item>
        <Form.Item label={t('nominateToSchool')} name="toSchoolId" rules={[{ required: true, message: t('nominateToSchoolRequired') }]}>
          <Select showSearch={{ optionFilterProp: 'label' }} options={destinations.map((s) => ({ value: s.id, label: s.name }))} />
        </Form.Item>
        <Form.Item label={t('nominateStartYear')} name="startSchoolYear" rules={[{ required: true, message: t('nominateStartYearRequired') }]}>
          <Select options={years.map((y) => ({ value: y, label: `${y}-${y + 1}` }))} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('nominateSubmit')}
        </Button>
      </Form>
    </Card>
  );
}
