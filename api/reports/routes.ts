/** Reports (统计报表), read-only, JSON or CSV: coverage, exchanges, the subsidy ledger, open cases. */
import { Router } from 'express';
import type { PolicyConfig } from '../../policy/config.js';
import { schoolYearOf } from '../../policy/calendar.js';
import type { Db } from '../../prisma/client.js';
import { currentOfficial } from '../auth/sessions.js';
import { coverageColumns, coverageRows } from './coverage.js';
import { exchangeColumns, exchangeRows } from './exchange.js';
import { ledgerColumns, ledgerRows } from './ledger.js';
import { openCasesColumns, openCasesRows } from './open-cases.js';
import { coverageQuery, exchangeReportQuery, ledgerQuery, openCasesQuery } from './schemas.js';
import { reportScope, requireInScope } from './scope.js';
import { sendReport } from './table.js';

export function reportRoutes({ db, config }: { db: Db; config: PolicyConfig }): Router {
  const router = Router();
  const generated = () => ({ generatedAt: new Date().toISOString() });

  router.get('/coverage', async (req, res) => {
    const q = coverageQuery.parse(req.query);
    const scope = await reportScope(db, currentOfficial(res), q.districtId);
    sendReport(req, res, q.format, { name: 'coverage', meta: generated(), rows: await coverageRows(db, scope, config), columns: coverageColumns(config) });
  });

  router.get('/exchange', async (req, res) => {
    const q = exchangeReportQuery.parse(req.query);
    const scope = await reportScope(db, currentOfficial(res), q.districtId);
    if (q.groupId) requireInScope(scope, await db.educationGroup.findUnique({ where: { id: q.groupId }, select: { districtId: true } }));
    const schoolYear = q.schoolYear ?? schoolYearOf(new Date(), config);
    const rows = await exchangeRows(db, scope, { schoolYear, groupId: q.groupId }, config);
    sendReport(req, res, q.format, { name: `exchange-${schoolYear}`, meta: { ...generated(), schoolYear }, rows, columns: exchangeColumns(config) });
  });

  router.get('/ledger', async (req, res) => {
    const q = ledgerQuery.parse(req.query);
    const scope = await reportScope(db, currentOfficial(res), q.districtId);
    if (q.schoolId) requireInScope(scope, await db.school.findUnique({ where: { id: q.schoolId }, select: { districtId: true } }));
    const rows = await ledgerRows(db, scope, q);
    sendReport(req, res, q.format, { name: q.schoolYear ? `ledger-${q.schoolYear}` : 'ledger', meta: { ...generated(), schoolYear: q.schoolYear ?? null }, rows, columns: ledgerColumns() });
  });

  router.get('/cases', async (req, res) => {
    const q = openCasesQuery.parse(req.query);
    const scope = await reportScope(db, currentOfficial(res), q.districtId);
    sendReport(req, res, q.format, { name: 'open-cases', meta: generated(), rows: await openCasesRows(db, scope), columns: openCasesColumns(config) });
  });

  return router;
}
