import { Spin } from 'antd';
import { useI18n } from '../i18n/index.js';

export function Loading() {
  const { t } = useI18n();
  return (
    <div style={{ padding: 48, textAlign: 'center' }}>
      <Spin aria-label={t('loading')} />
    </div>
  );
}
