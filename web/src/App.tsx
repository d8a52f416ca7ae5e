/** Routes: the login page loads alone; every other page is its own chunk, loaded when opened. */
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { Navigate, Route, Routes, useNavigate } from 'react-router';
import { Loading } from './components/Loading.js';
import { useI18n } from './i18n/index.js';
import { whenSessionLost } from './lib/api.js';
import { LoginPage } from './pages/Login.js';
import { loginPath, RequireSession, useSessionState } from './session.js';

// The frame after login is its own chunk too: the login page loads neither it nor any page behind it.
const Shell = lazy(() => import('./components/Shell.js').then((m) => ({ default: m.Shell })));
const InboxPage = lazy(() => import('./pages/Inbox.js'));
const CasePage = lazy(() => import('./pages/CasePage.js'));
const StartCasePage = lazy(() => import('./pages/StartCase.js'));
const NominateExchangePage = lazy(() => import('./pages/NominateExchange.js'));
const DecidedPage = lazy(() => import('./pages/Decided.js'));
const StartedPage = lazy(() => import('./pages/CaseLists.js').then((m) => ({ default: m.StartedPage })));
const CopiedPage = lazy(() => import('./pages/CaseLists.js').then((m) => ({ default: m.CopiedPage })));
const SearchPage = lazy(() => import('./pages/Search.js'));
const DelegationPage = lazy(() => import('./pages/Delegation.js'));
const ImportPage = lazy(() => import('./pages/Import.js'));
const SchedulesPage = lazy(() => import('./pages/Schedules.js'));
const DashboardPage = lazy(() => import('./pages/Dashboard.js'));
const CalendarPage = lazy(() => import('./pages/Calendar.js'));
const PolicyPage = lazy(() => import('./pages/Policy.js'));
const NotFoundPage = lazy(() => import('./pages/NotFound.js'));

// Ant Design's default link blue, secondary grey and placeholder and tertiary greys and error red fall below WCAG AA contrast on white.
const theme = { token: { colorPrimary: '#b71c1c', colorLink: '#0958d9', colorTextSecondary: 'rgba(0, 0, 0, 0.65)', colorTextDescription: 'rgba(0, 0, 0, 0.65)', colorTextPlaceholder: 'rgba(0, 0, 0, 0.58)', colorTextTertiary: 'rgba(0, 0, 0, 0.65)', colorError: '#cf1322' } };

const pages: [string, ReactNode][] = [
  ['/inbox', <InboxPage />],
  ['/cases/:id', <CasePage />],
  ['/start', <StartCasePage />],
  ['/exchange/nominate', <NominateExchangePage />],
  ['/decided', <DecidedPage />],
  ['/started', <StartedPage />],
  ['/copied', <CopiedPage />],
  ['/search', <SearchPage />],
  ['/delegation', <DelegationPage />],
  ['/import', <ImportPage />],
  ['/schedules', <SchedulesPage />],
  ['/dashboard', <DashboardPage />],
  ['/calendar', <CalendarPage />],
  ['/policy', <PolicyPage />],
  ['*', <NotFoundPage />],
];

function SessionLostRedirect() {
  const navigate = useNavigate();
  const { forget } = useSessionState();
  useEffect(() => {
    whenSessionLost(() => {
      forget();
      // Already on the login page (a stale token found at start-up): keep its `next`.
      if (window.location.pathname === '/login') return;
      void navigate(`${loginPath(window.location)}&expired=1`, { replace: true });
    });
  }, [navigate, forget]);
  return null;
}

export function App() {
  const { lang } = useI18n();
  return (
    <ConfigProvider locale={lang === 'zh-CN' ? zhCN : enUS} theme={theme} button={{ autoInsertSpace: false }}>
      <AntApp>
        <SessionLostRedirect />
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route
            element={
              <RequireSession>
                <Suspense fallback={<Loading />}>
                  <Shell />
                </Suspense>
              </RequireSession>
            }
          >
            <Route index element={<Navigate to="/inbox" replace />} />
            {pages.map(([path, page]) => (
              <Route key={path} path={path} element={<Suspense fallback={<Loading />}>{page}</Suspense>} />
            ))}
          </Route>
        </Routes>
      </AntApp>
    </ConfigProvider>
  );
}
