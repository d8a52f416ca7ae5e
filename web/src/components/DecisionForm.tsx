/**
 * Approve, reject or return one task. Confirmed before sending. One request id names one decision
 * (issue 12 point 3): while its outcome is unknown (no answer in time, Temporal or the network
 * down) the console repeats exactly that request, with the same id, until it gets a definite
 * answer, and keeps the form locked meanwhile; only a definite answer frees it for a new decision
 * with a new id.
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Form, Input, Radio } from 'antd';
import { useI18n, type MessageKey } from '../i18n/index.js';
import { api, ApiError } from '../lib/api.js';
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
/** Answers that do not say whether the decision was applied: the same request must be repeated. */
const INDEFINITE = new Set(['OUTCOME_UNKNOWN', 'TEMPORAL_UNAVAILABLE', 'NETWORK', 'HTTP']);
const REPEATS = 5;
const isIndefinite = (e: unknown) => e instanceof ApiError && INDEFINITE.has(e.code);

export function DecisionForm({ task, detail, onDecided }: { task: CaseTask; detail: CaseDetail; onDecided(): void }) {
  const { t } = useI18n();
  const { modal, message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const action = Form.useWatch('action', form);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The request whose outcome is not known yet: repeated as it is, never changed.
  const pending = useRef<Record<string, unknown> | null>(null);
  const [unknown, setUnknown] = useState(false);
  const formBlocked = Boolean(task.formKind) && !canDrawForm(task.formKind ?? '');

  const send = async (values: Values) => {
    const request = pending.current ?? {
      requestId: crypto.randomUUID(),
      action: values.action,
      ...(values.action === 'RETURN' ? { returnTo: values.returnTo ?? 'PREVIOUS' } : {}),
      ...(values.comment?.trim() ? { comment: values.comment.trim() } : {}),
      ...(values.action === 'APPROVE' && task.formKind ? { form: formPayload(task.formKind, values.form) } : {}),
    };
    pending.current = request;
    setBusy(true);
    setError(null);
    try {
      for (let attempt = 1; ; attempt += 1) {
        try {
          await api('POST', `/api/tasks/${task.id}/decision?wait=true`, request);
          break;
        } catch (e) {
          if (!isIndefinite(e) || attempt >= REPEATS) throw e;
          await new Promise((resolve) => setTimeout(resolve, 1_000 * attempt));
        }
      }
      pending.current = null;
      setUnknown(false);
      void message.success(t('decisionDone'));
      onDecided();
    } catch (e) {
      // A definite refusal frees the form for a new decision; an unknown outcome keeps this one.
      if (!isIndefinite(e)) pending.current = null;
      setUnknown(pending.current !== null);
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
      onFinish={(values) => (pending.current ? void send(values) : confirm(values))}
      disabled={unknown}
    >
      <ErrorAlert error={error} />
      {unknown && <Alert type="warning" showIcon title={t('decisionOutcomeUnknown')} style={{ marginBottom: 16 }} data-testid="decision-unknown" />}
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
      <Button type="primary" htmlType="submit" loading={busy} disabled={!unknown && action === 'APPROVE' && formBlocked}>
        {unknown ? t('decisionRepeat') : t('submitDecision')}
      </Button>
    </Form>
  );
}
