/** The HTTP API, built without listening so tests and the launcher can host it. */
import express from 'express';
import helmet from 'helmet';
import type { Client } from '@temporalio/client';
import type { ImportLimits, LoginLimits } from '../config/env.js';
import type { PolicyConfig } from '../policy/config.js';
import type { Db } from '../prisma/client.js';
import { loginRoutes } from './auth/login.js';
import { authenticate, currentOfficial, logoutRoute } from './auth/sessions.js';
import { nominationRoutes } from './cases/nominations.js';
import { caseRoutes } from './cases/routes.js';
import { consoleRoutes } from './console.js';
import { delegationRoutes } from './delegations/routes.js';
import { directoryRoute } from './directory.js';
import { docsRoutes } from './docs.js';
import { exchangeRoutes } from './exchange/routes.js';
import { DomainError, errorHandler } from './errors.js';
import { calendarService } from '../application/calendar.js';
import { calendarRoutes } from './calendar/routes.js';
import { policyRoutes } from './policy/routes.js';
import { livenessRoute, readinessRoute } from './health.js';
import { createMetrics } from './metrics.js';
import { TASK_QUEUE } from '../workflows/constants.js';

/** Mail waits out the relay's longest back-off (10 minutes) and a little more before /readyz fails. */
const DEFAULT_MAIL_MAX_PENDING_AGE_MS = 15 * 60_000;
import { orgDataRoutes } from './org-data/routes.js';
import { openApiDocument } from './openapi.js';
import { reportRoutes } from './reports/routes.js';
import { orgCaseRoutes } from './org-cases/routes.js';
import { taskRoutes } from './tasks/routes.js';
import { teacherRoutes } from './teachers.js';
import { scheduleRoutes } from './schedules/routes.js';
import { fundingRoutes } from './funding/routes.js';
import { staffingRoutes } from './staffing/routes.js';

export interface AppDeps {
  db: Db;
  temporal: Client;
  config: PolicyConfig;
  sessionTtlHours: number;
  decisionTimeoutMs: number;
  taskQueue?: string;
  /** The built web console (web/dist); without it the API serves only the API. */
  consoleDir?: string;
  /** Where organisation-data uploads wait for their apply; the system's temporary directory unless given. */
  orgDataUploadDir?: string;
  /** Limits of an organisation-data import; DEFAULT_IMPORT_LIMITS unless given. */
  importLimits?: ImportLimits;
  /** /readyz fails when the oldest pending mail is older (MAIL_MAX_PENDING_AGE_S). */
  mailMaxPendingAgeMs?: number;
  /** Where admins open a case's workflow in the Temporal Web UI, when there is one. */
  temporalUi?: { url: string; namespace: string };
  /** Login throttling; DEFAULT_LOGIN_LIMITS unless given. */
  loginLimits?: LoginLimits;
  /** Express's `trust proxy` (TRUST_PROXY): which proxies may name the client address. None unless given. */
  trustProxy?: boolean | number | string[];
}

/**
 * The console (web/dist) loads only its own scripts, so scripts are 'self' alone. Styles also allow
 * 'unsafe-inline': Ant Design writes its CSS-in-JS into <style> elements at run time, and a nonce
 * would need index.html rendered per request; injected styles are a far smaller risk than scripts.
 * No upgrade-insecure-requests: `npm start` serves the console over plain http on localhost.
 */
const securityHeaders = helmet({
  contentSecurityPolicy: {
    directives: {
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'style-src': ["'self'", "'unsafe-inline'"],
      'img-src': ["'self'", 'data:'],
      'font-src': ["'self'", 'data:'],
      'connect-src': ["'self'"],
      'object-src': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
      'frame-ancestors': ["'none'"],
      'upgrade-insecure-requests': null,
    },
  },
  referrerPolicy: { policy: 'no-referrer' },
});

export function createApp(deps: AppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders);
  // Answers of the API carry personal data: no browser or proxy may keep them.
  app.use('/api', (_req, res, next) => {
    res.set('cache-control', 'no-store');
    next();
  });
  app.use(express.json({ limit: '1mb' }));

  const calendar = calendarService({ db: deps.db, temporal: deps.temporal, config: deps.config, ...(deps.taskQueue ? { taskQueue: deps.taskQueue } : {}) });
  app.get('/livez', livenessRoute);
  app.get(['/readyz', '/healthz'], readinessRoute({ db: deps.db, temporal: deps.temporal, calendar, taskQueue: deps.taskQueue ?? TASK_QUEUE, mailMaxPendingAgeMs: deps.mailMaxPendingAgeMs ?? DEFAULT_MAIL_MAX_PENDING_AGE_MS }));
  app.get('/metrics', createMetrics(calendar).route);
  const openApi = openApiDocument();
  app.get('/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  app.use(docsRoutes());
  app.use('/api/auth', loginRoutes({ db: deps.db, sessionTtlHours: deps.sessionTtlHours, loginLimits: deps.loginLimits }));

  const api = express.Router();
  api.use(authenticate(deps.db));
  api.post('/auth/logout', logoutRoute(deps.db));
  api.get('/me', (_req, res) => {
    res.json(currentOfficial(res));
  });
  api.use(caseRoutes(deps));
  api.use(nominationRoutes(deps.db));
  api.use(taskRoutes(deps));
  api.use(scheduleRoutes(deps));
  api.use(delegationRoutes(deps.db));
  api.use(exchangeRoutes(deps));
  api.use(directoryRoute(deps.db));
  api.use(teacherRoutes(deps.db));
  api.get('/console-config', (_req, res) => {
    res.json({ temporalUi: deps.temporalUi ?? null });
  });
  api.use('/org-data', orgDataRoutes(deps));
  api.use('/reports', reportRoutes(deps));
  api.use(orgCaseRoutes(deps));
  api.use(fundingRoutes(deps));
  api.use(staffingRoutes(deps));
  api.use(calendarRoutes(calendar));
  api.use(policyRoutes(deps.db));
  app.use('/api', api);
  if (deps.consoleDir) app.use(consoleRoutes(deps.consoleDir));

  app.use((_req, _res, next) => next(new DomainError('NOT_FOUND')));
  app.use(errorHandler);
  return app;
}
