/** What the official who started a case can still do: withdraw it before any decision, resubmit it when returned. */
import { useRef, useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { CaseDetail } from '../lib/types.js';
import { ErrorAlert } from './ErrorAlert.js';

export function InitiatorActions({ detail, onChanged }: { detail: CaseDetail; onChanged(): void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // Kept across retries of one attempt, like decisions, so a repeat is applied once.
  const requestId = useRef<string | null>(null);

  const run = async (path: string, body: Record<string, string>, done: string) => {
    requestId.current ??= crypto.randomUUID();
    setBusy(true);
    setError(null);
    try {
      await api('POST', path, { requestId: requestId.current, ...body });
      requestId.current = null;
      void message.success(done);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <ErrorAlert error={error} />
      {detail.status === 'RETURNED' && (
        <Form layout="vertical" onFinish={(v: { comment: string }) => void run(`/api/cases/${detail.id}/resubmit`, { comment: v.comment }, t('resubmitted'))}>
          <Form.Item label={t('resubmitComment')} name="comment" rules={[{ required: true, whitespace: true, message: t('commentRequired') }]}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('resubmit')}
          </Button>
        </Form>
      )}
      {(detail.status === 'RUNNING' || detail.status === 'RETURNED') && (
        <Button
          danger
          loading={busy}
          style={{ marginTop: 12 }}
          onClick={() =>
            void modal.confirm({ title: t('confirmWithdraw'), okText: t('confirm'), cancelText: t('cancel'), onOk: () => run(`/api/cases/${detail.id}/withdraw`, {}, t('withdrawn')) })
          }
        >
          {t('withdraw')}
        </Button>
      )}
    </div>
  );
}
