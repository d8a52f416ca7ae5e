/** The real app on the test database, with an organisation and logged-in admin and member officials. */
import { inject } from 'vitest';
import { Client, Connection } from '@temporalio/client';
import type { ImportLimits } from '../../config/env.js';
import { createDb } from '../../prisma/client.js';
import { call, login, startTestApi } from './api.js';
import { createTestOrg } from './org.js';
import { upload, type UploadFile } from './org-data-files.js';

/** `uploadDir`: where uploads wait (a test that looks at the files gives its own); `importLimits`: else the defaults. */
export async function startOrgDataApi(options: { uploadDir?: string; importLimits?: ImportLimits } = {}) {
  const db = createDb(inject('databaseUrl'), inject('databasePoolSize'));
  const org = await createTestOrg(db);
  // Org data never talks to Temporal; the app still wants a client, which connects only when used.
  const connection = Connection.lazy({ address: inject('temporalAddress') });
  const api = await startTestApi({ db, temporal: new Client({ connection }), taskQueue: 'org-data-unused', orgDataUploadDir: options.uploadDir, importLimits: options.importLimits });
  const admin = await login(api, org.officials.admin.login);
  const member = await login(api, org.officials.member.login);

  /** Upload (the dry run): the 201 body `{ id, report }`. */
  async function dryRun(files: UploadFile[], lang?: string) {
    const response = await upload(api, admin, files, lang);
    if (response.status !== 201) throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body as { id: string; report: any };
  }

  const apply = (id: string, lang?: string) => call(api, 'POST', `/api/org-data/imports/${id}/apply`, { token: admin, lang });

  /** Dry run and apply of files expected to be clean; the applied report. */
  async function importClean(files: UploadFile[]) {
    const { id, report } = await dryRun(files);
    if (!report.ok) throw new Error(`expected a clean import: ${JSON.stringify(report.problems.slice(0, 5))}`);
    const applied = await apply(id);
    if (applied.status !== 200) throw new Error(`apply answered ${applied.status}: ${JSON.stringify(applied.body)}`);
    return applied.body.report;
  }

  async function close() {
    await api.close();
    await connection.close();
    await db.$disconnect();
  }

  return { db, org, api, tokens: { admin, member }, dryRun, apply, importClean, close };
}

export type OrgDataApi = Awaited<ReturnType<typeof startOrgDataApi>>;
