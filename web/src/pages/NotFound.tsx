import { Button, Result } from 'antd';
import { Link } from 'react-router';
import { useI18n } from '../i18n/index.js';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t('notFoundPage')}
      extra={
        <Link to="/inbox">
          <Button type="primary">{t('backHome')}</Button>
        </Link>
      }
    />
  );
}
