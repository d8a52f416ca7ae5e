import { Alert } from 'antd';
import { ApiError } from '../lib/api.js';
import { useI18n } from '../i18n/index.js';

/** An API error as the official reads it: the server's localized message, with field problems listed. */
export function ErrorAlert({ error }: { error: unknown }) {
  const { t } = useI18n();
  if (!error) return null;
  const message = error instanceof Error ? error.message : t('unknownError', { code: '?' });
  const details = error instanceof ApiError && Array.isArray(error.details) ? (error.details as { path?: string; message?: string }[]) : [];
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={message}
      description={details.length ? details.map((d) => `${d.path ?? ''} ${d.message ?? ''}`.trim()).join('；') : undefined}
      style={{ marginBottom: 16 }}
    />
  );
}
