/**
 * Organisation data over HTTP, for administrators: templates, export, and imports — upload (which
 * answers with the dry-run report), the report again, and apply.
 */
import os from 'node:os';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { ImportLimits } from '../../config/env.js';
import type { PolicyConfig } from '../../policy/config.js';
import { safeText } from '../../policy/text.js';
import type { Db } from '../../prisma/client.js';
import { currentOfficial } from '../auth/sessions.js';
import { DomainError, prefersEnglish } from '../errors.js';
import type { Language } from './cells.js';
import { ENTITY_KEYS, type EntityKey } from './entities.js';
import { withUploadErrors } from './errors.js';
import { exportRows, sheetName, writeCsv, writeXlsx } from './export.js';
import { applyImport, dryRunImport } from './org-import.js';
import type { Problem } from './problems.js';
import { buildReport } from './report.js';
import { UploadStore, type StoredUpload } from './uploads.js';

export interface OrgDataDeps {
  db: Db;
  config: PolicyConfig;
  /** Where uploads wait for their apply; the system's temporary directory unless given. */
  orgDataUploadDir?: string;
  /** DEFAULT_IMPORT_LIMITS unless given. */
  importLimits?: ImportLimits;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const WORKBOOK_NAME = 'org-data.xlsx';

const downloadQuery = z.object({
  lang: z.enum(['zh', 'en']).optional(),
  encoding: z.enum(['utf8', 'gb18030']).default('utf8'),
});
const uploadParams = z.object({ id: z.uuid() });
/** The names files were uploaded under name the CSV sheets in reports: the one text rule applies. */
const uploadNames = z.object({ files: z.array(z.object({ originalname: safeText(255) })) });

/** An upload over a limit is refused outright: 413 when the files unpack to too much, 422 for too many rows or too long a cell. */
function limitRefusal(problems: readonly Problem[]): 'IMPORT_TOO_LARGE' | 'IMPORT_LIMIT_EXCEEDED' | undefined {
  if (problems.some((p) => p.code === 'IMPORT_TOO_LARGE')) return 'IMPORT_TOO_LARGE';
  return problems.some((p) => p.code === 'TOO_MANY_ROWS' || p.code === 'CELL_TOO_LONG') ? 'IMPORT_LIMIT_EXCEEDED' : undefined;
}

type Download = { format: 'xlsx' } | { format: 'csv'; entity: EntityKey };

/** `org-data.xlsx` holds every sheet; `<entity>.csv` one entity. */
function parseDownload(file: string): Download {
  if (file === WORKBOOK_NAME) return { format: 'xlsx' };
  const entity = ENTITY_KEYS.find((k) => file === `${k}.csv`);
  if (!entity) throw new DomainError('NOT_FOUND');
  return { format: 'csv', entity };
}

function languageOf(req: Request, explicit?: Language): Language {
  return explicit ?? (prefersEnglish(req) ? 'en' : 'zh');
}

async function districtOf(db: Db, res: Response): Promise<string> {
  const me = currentOfficial(res);
  if (!me.roles.includes('ADMIN')) throw new DomainError('FORBIDDEN');
  const home = me.unitId
    ? await db.unit.findUnique({ where: { id: me.unitId }, select: { districtId: true } })
    : me.schoolId
      ? await db.school.findUnique({ where: { id: me.schoolId }, select: { districtId: true } })
      : null;
  if (!home) throw new DomainError('NO_DISTRICT');
  return home.districtId;
}

export function orgDataRoutes({ db, config, orgDataUploadDir, importLimits }: OrgDataDeps): Router {
  const router = Router();
  const uploads = new UploadStore(orgDataUploadDir ?? path.join(os.tmpdir(), 'groupflow-org-data'));

  // Checked before an upload's bytes are accepted.
  router.use(async (_req, res, next) => {
    res.locals.orgDistrictId = await districtOf(db, res);
    next();
  });
  const districtId = (res: Response) => res.locals.orgDistrictId as string;

  async function download(req: Request, res: Response, rowsFor: (entity: EntityKey) => Parameters<typeof writeCsv>[2]) {
    const target = parseDownload(String(req.params.file));
    const query = downloadQuery.parse(req.query);
    const lang = languageOf(req, query.lang);
    if (target.format === 'xlsx') {
      res.type(XLSX_TYPE).attachment(WORKBOOK_NAME);
      await writeXlsx(res, ENTITY_KEYS.map((entity) => ({ entity, rows: rowsFor(entity) })), lang, true);
    } else {
      res.type(`text/csv; charset=${query.encoding === 'utf8' ? 'utf-8' : 'gb18030'}`).attachment(`${sheetName(target.entity, lang)}.csv`);
      await writeCsv(res, target.entity, rowsFor(target.entity), lang, query.encoding);
    }
  }

  router.get('/templates/:file', (req, res) => download(req, res, () => []));
  router.get('/export/:file', (req, res) => download(req, res, (entity) => exportRows(db, districtId(res), entity)));

  async function findUpload(req: Request, res: Response): Promise<StoredUpload> {
    const { id } = uploadParams.parse(req.params);
    const upload = await uploads.find(id, districtId(res));
    if (!upload) throw new DomainError('UPLOAD_NOT_FOUND');
    return upload;
  }

  const options = (res: Response) => ({ districtId: districtId(res), config, actorLogin: currentOfficial(res).login, limits: importLimits });

  router.post('/imports', withUploadErrors(uploads.receive()), async (req, res) => {
    const files = (req.files ?? []) as Express.Multer.File[];
    if (files.length === 0) throw new DomainError('NO_FILES');
    const names = uploadNames.safeParse({ files });
    if (!names.success) {
      await uploads.discard(files);
      throw names.error;
    }
    const upload = await uploads.save(districtId(res), currentOfficial(res).id, files).catch(async (err: unknown) => {
      await uploads.discard(files);
      throw err;
    });
    const outcome = await dryRunImport(db, upload.files, options(res));
    const report = buildReport(outcome, languageOf(req));
    // Over a limit the upload is refused and not kept for an apply: a smaller file is needed anyway.
    const refusal = limitRefusal(outcome.plan.problems);
    if (refusal) {
      await uploads.remove(upload);
      throw new DomainError(refusal, report);
    }
    res.status(201).json({ id: upload.id, expiresAt: upload.expiresAt, report });
  });

  router.get('/imports/:id', async (req, res) => {
    const upload = await findUpload(req, res);
    const outcome = await dryRunImport(db, upload.files, options(res));
    res.json({ id: upload.id, expiresAt: upload.expiresAt, report: buildReport(outcome, languageOf(req)) });
  });

  router.post('/imports/:id/apply', async (req, res) => {
    const upload = await findUpload(req, res);
    const outcome = await applyImport(db, upload.files, options(res));
    const report = buildReport(outcome, languageOf(req));
    if (!outcome.applied) throw new DomainError('IMPORT_REJECTED', report);
    await uploads.remove(upload);
    res.json({ id: upload.id, report });
  });

  return router;
}
