/**
 * Approve, reject or return one task. Confirmed before sending; one request id per attempt, so a
 * retry after a timeout or a double click is applied once by the API (the id is the Temporal
 * update id), while changed answers count as a new attempt.
 */
import { useRef, useState } from 'react';
import { App, Button, Form, Input, Radio } from 'antd';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { api } from '../lib/api.js';
import type { CaseDetail, CaseTask } from '../lib/types.js';
import { ErrorAlert } from './ErrorAlert.js';
import { canDrawForm, formPayload } from '../lib/step-forms.js';
import { StepFormFields } from './StepForm.js';

type Action = 'APPROVE' | 'REJECT' | 'RETURN';
interface Values {
  action: Action;
  returnTo?: 'PREVIOUS' | 'INITIATOR';
  comment?: string;
  form?: Record<string, unknown>;
}

const ACTION_LABEL: Record<Action, MessageKey> = { APPROVE: 'approve', REJECT: 'reject', RETURN: 'returnCase' };

export function DecisionForm({ task, detail, onDecided }: { task: CaseTask; detail: CaseDetail; onDecided(): void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const requestId = useRef<string | null>(null);
  const formBlocked = Boolean(task.formKind) && !canDrawForm(task.formKind ?? '');

  const send = async (values: Values) => {
    requestId.current ??= crypto.randomUUID();
    setBusy(true);
    setError(null);
    try {
      await api('POST', `/api/tasks/${task.id}/decision?wait=true`, {
        requestId: requestId.current,
        action: values.action,
        ...(values.action === 'RETURN' ? { returnTo: values.returnTo ?? 'PREVIOUS' } : {}),
        ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
        ...(values.action === 'APPROVE' && task.formKind ? { form: formPayload(task.formKind, values.form) } : {}),
      });
      requestId.current = null;
      void message.success(t('decisionDone'));
      onDecided();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const confirm = (values: Values) => {
    // While a request is out, the same click must not open a second confirmation.
    if (busy) return;
    void modal.confirm({
      title: t('confirmDecisionTitle'),
      content: t('confirmDecision', { title: detail.title, action: t(ACTION_LABEL[values.action]) }),
      okText: t('confirm'),
      cancelText: t('cancel'),
      onOk: () => send(values),
    });
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      initialValues={{ action: 'APPROVE', returnTo: 'PREVIOUS' }}
      onFinish={confirm}
      onValuesChange={() => {
        requestId.current = null;
      }}
    >
      <ErrorAlert error={error} />
      <Form.Item label={t('decisionAction')} name="action">
        <Radio.Group optionType="button" buttonStyle="solid" options={(['APPROVE', 'REJECT', 'RETURN'] as const).map((a) => ({ value: a, label: t(ACTION_LABEL[a]) }))} />
      </Form.Item>
      {action === 'RETURN' && (
        <Form.Item label={t('returnTo')} name="returnTo">
          <Radio.Group
            options={[
              { value: 'PREVIOUS', label: t('returnPrevious') },
              { value: 'INITIATOR', label: t('returnInitiator') },
            ]}
          />
        </Form.Item>
      )}
      {action === 'APPROVE' && task.formKind && <StepFormFields kind={task.formKind} detail={detail} />}
      <Form.Item label={t('comment')} name="comment" rules={[{ required: action !== 'APPROVE', whitespace: true, message: t('commentRequired') }]}>
        <Input.TextArea rows={3} maxLength={2000} placeholder={t('commentPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={busy} disabled={action === 'APPROVE' && formBlocked}>
        {t('submitDecision')}
      </Button>
    </Form>
  );
}
