/** Who is logged in: the official, their district's directory, and the console's settings. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { api, session } from './lib/api.js';
import type { Directory, Me } from './lib/types.js';
import { Loading } from './components/Loading.js';

export interface Session {
  me: Me;
  directory: Directory;
  temporalUi: { url: string; namespace: string } | null;
  /** Colleagues who delegated to me now (委托): I may act on tasks assigned to them. */
  coveringFor: string[];
}

interface SessionState {
  current: Session | null;
  ready: boolean;
  /** Ended by the official, not lost: the next login starts at the inbox, not on the last page. */
  loggedOut: boolean;
  login(loginName: string, password: string): Promise<void>;
  logout(): Promise<void>;
  forget(): void;
}

const SessionContext = createContext<SessionState | null>(null);

async function loadSession(): Promise<Session> {
  const [me, directory, config, delegations] = await Promise.all([
    api<Me>('GET', '/api/me'),
    api<Directory>('GET', '/api/directory'),
    api<{ temporalUi: Session['temporalUi'] }>('GET', '/api/console-config'),
    api<{ coveringFor: { delegator: { id: string } }[] }>('GET', '/api/me/delegation'),
  ]);
  return { me, directory, temporalUi: config.temporalUi, coveringFor: delegations.coveringFor.map((d) => d.delegator.id) };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [current, setCurrent] = useState<Session | null>(null);
  const [ready, setReady] = useState(!session.token());
  const [loggedOut, setLoggedOut] = useState(false);

  useEffect(() => {
    if (!session.token()) return;
    loadSession()
      .then(setCurrent)
      .catch(() => setCurrent(null))
      .finally(() => setReady(true));
  }, []);

  const login = useCallback(async (loginName: string, password: string) => {
    const { token } = await api<{ token: string }>('POST', '/api/auth/login', { login: loginName, password });
    session.set(token);
    setCurrent(await loadSession());
    setLoggedOut(false);
  }, []);

  const logout = useCallback(async () => {
    // The session ends on this browser even when the server cannot be told.
    await api('POST', '/api/auth/logout').catch(() => undefined);
    session.clear();
    setLoggedOut(true);
    setCurrent(null);
  }, []);

  const forget = useCallback(() => setCurrent(null), []);

  return <SessionContext.Provider value={{ current, ready, loggedOut, login, logout, forget }}>{children}</SessionContext.Provider>;
}

export function useSessionState(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSessionState outside SessionProvider');
  return value;
}

/** The logged-in session; only inside <RequireSession>. */
export function useSession(): Session {
  const { current } = useSessionState();
  if (!current) throw new Error('useSession without a session');
  return current;
}

export function loginPath(location: { pathname: string; search: string }): string {
  return `/login?next=${encodeURIComponent(location.pathname + location.search)}`;
}

export function RequireSession({ children }: { children: ReactNode }) {
  const { current, ready, loggedOut } = useSessionState();
  const location = useLocation();
  if (!ready) return <Loading />;
  if (!current) return <Navigate to={loggedOut ? '/login' : loginPath(location)} replace />;
  return children;
}
