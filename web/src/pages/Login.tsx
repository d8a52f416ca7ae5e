/** Login; afterwards back to the page the official was sent away from (`?next=`). */
import { useState } from 'react';
import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ErrorAlert } from '../components/ErrorAlert.js';
import { useI18n } from '../i18n/index.js';
import { useSessionState } from '../session.js';

/** Only a path of this console, never another site. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/inbox';
}

export function LoginPage() {
  const { t, lang, setLang } = useI18n();
  const { current, login } = useSessionState();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));
  if (current) return <Navigate to={next} replace />;

  const submit = async (values: { login: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      await login(values.login, values.password);
      await navigate(next, { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center', background: '#f5f5f5' }}>
      <Card style={{ width: 380 }}>
        <Typography.Title level={1} style={{ fontSize: 22, textAlign: 'center' }}>
          {t('appName')}
        </Typography.Title>
        <Typography.Paragraph style={{ textAlign: 'center' }}>{t('loginSubtitle')}</Typography.Paragraph>
        {params.get('expired') && <Alert type="warning" showIcon title={t('sessionExpired')} style={{ marginBottom: 16 }} />}
        <ErrorAlert error={error} />
        <Form layout="vertical" onFinish={(v: { login: string; password: string }) => void submit(v)} requiredMark={false}>
          <Form.Item label={t('loginName')} name="login" rules={[{ required: true, message: t('loginRequired') }]}>
            <Input autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label={t('password')} name="password" rules={[{ required: true, message: t('passwordRequired') }]}>
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('loginButton')}
          </Button>
        </Form>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Button type="link" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('switchLanguage')}
          </Button>
        </div>
      </Card>
    </main>
  );
}
