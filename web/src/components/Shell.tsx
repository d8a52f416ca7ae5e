/** The frame of every page after login: navigation by role, the official's unit and roles, language, logout. */
import { Alert, Button, Layout, Menu, Space, Tag, Typography } from 'antd';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { useI18n, type MessageKey } from '../i18n/index.js';
import type { Role } from '../lib/types.js';
import { useApi } from '../lib/use-api.js';
import { useSession, useSessionState } from '../session.js';

/**
 * From 1 October a missing next year of the working-day calendar (and always a missing current
 * year) is shown to administrators on every page until someone enters it.
 */
function CalendarBanner() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { data } = useApi<{ coverage: { warning: boolean; missingYears: number[] } }>('/api/calendar');
  if (!data?.coverage.warning) return null;
  return (
    <Alert
      type="warning"
      showIcon
      banner
      data-testid="calendar-banner"
      title={t('calendarBanner', { years: data.coverage.missingYears.join('、') })}
      action={
        <Button size="small" onClick={() => void navigate('/calendar')}>
          {t('calendarBannerLink')}
        </Button>
      }
      style={{ marginBottom: 16 }}
    />
  );
}

const NAV: { path: string; label: MessageKey; roles?: Role[]; schoolOnly?: boolean }[] = [
  { path: '/inbox', label: 'navInbox' },
  { path: '/start', label: 'navStart' },
  // Only an official of the teacher's home school nominates the teacher.
  { path: '/exchange/nominate', label: 'navNominate', schoolOnly: true },
  { path: '/decided', label: 'navDecided' },
  { path: '/started', label: 'navStarted' },
  { path: '/copied', label: 'navCopied' },
  { path: '/delegation', label: 'navDelegation' },
  { path: '/dashboard', label: 'navDashboard' },
  { path: '/schedules', label: 'navSchedules', roles: ['SCHEDULER', 'ADMIN'] },
  { path: '/search', label: 'navSearch', roles: ['ADMIN'] },
  { path: '/import', label: 'navImport', roles: ['ADMIN'] },
  { path: '/calendar', label: 'navCalendar', roles: ['ADMIN'] },
  { path: '/policy', label: 'navPolicy' },
];

export function Shell() {
  const { t, code, lang, setLang } = useI18n();
  const { me, directory } = useSession();
  const { logout } = useSessionState();
  const navigate = useNavigate();
  const location = useLocation();
  const selected = NAV.find((n) => location.pathname.startsWith(n.path))?.path ?? '';
  const belongsTo = directory.unit ? code('unit', directory.unit.code) : (directory.school?.name ?? '');

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#8b1a1a', paddingInline: 24 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, flex: 1 }}>
          {t('appName')}
        </Typography.Text>
        <Space wrap aria-label={me.displayName} data-testid="current-user">
          <Typography.Text style={{ color: '#fff' }}>
            {me.displayName} · {belongsTo}
          </Typography.Text>
          {me.roles.map((r) => (
            <Tag key={r}>{code('role', r)}</Tag>
          ))}
          {me.isLead && <Tag>{t('unitLead')}</Tag>}
          <Button size="small" onClick={() => setLang(lang === 'zh-CN' ? 'en' : 'zh-CN')}>
            {t('switchLanguage')}
          </Button>
          <Button
            size="small"
            onClick={() => {
              void logout();
            }}
          >
            {t('logout')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout>
        <Layout.Sider width={200} theme="light" breakpoint="md" collapsedWidth={0}>
          <nav aria-label={t('navMain')}>
            <Menu
              mode="inline"
              selectedKeys={[selected]}
              items={NAV.filter((n) => (!n.roles || n.roles.some((r) => me.roles.includes(r))) && (!n.schoolOnly || me.schoolId)).map((n) => ({ key: n.path, label: t(n.label) }))}
              onClick={({ key }) => {
                void navigate(key);
              }}
            />
          </nav>
        </Layout.Sider>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {me.roles.includes('ADMIN') && <CalendarBanner />}
            <Outlet />
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
