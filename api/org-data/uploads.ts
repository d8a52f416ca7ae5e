/**
 * Uploaded files wait on the API host's disk between the dry run and the apply, for a day at most.
 * The database holds no copy: what an upload would change is recomputed each time it is asked for.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import multer from 'multer';
import type { SourceFile } from './read-files.js';

export interface StoredUpload {
  id: string;
  districtId: string;
  uploadedBy: string;
  expiresAt: string;
  files: SourceFile[];
}

const TTL_MS = 24 * 3_600_000;
/** Generous for a district: 50 000 teachers are about 2 MB of `.xlsx`. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
export const MAX_FILES = 8;

export class UploadStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    this.incoming = path.join(root, 'incoming');
    mkdirSync(this.incoming, { recursive: true });
  }

  /** Multipart field `files`: one `.xlsx` with a sheet per entity, or one CSV per entity. */
  receive() {
    // Browsers send UTF-8 file names without saying so; busboy's default would read them as Latin-1.
    return multer({ dest: this.incoming, limits: { fileSize: MAX_FILE_BYTES, files: MAX_FILES }, defParamCharset: 'utf8' }).array('files', MAX_FILES);
  }

  async save(districtId: string, uploadedBy: string, files: readonly Express.Multer.File[]): Promise<StoredUpload> {
    await this.sweep();
    const upload: StoredUpload = {
      id: randomUUID(),
      districtId,
      uploadedBy,
      expiresAt: new Date(Date.now() + TTL_MS).toISOString(),
      files: files.map((f) => ({ path: f.path, name: path.basename(f.originalname) })),
    };
    await writeFile(this.metaPath(upload.id), JSON.stringify(upload));
    return upload;
  }

  async find(id: string, districtId: string): Promise<StoredUpload | undefined> {
    const upload = await readFile(this.metaPath(id), 'utf8').then((text) => JSON.parse(text) as StoredUpload, () => undefined);
    return upload && upload.districtId === districtId && Date.parse(upload.expiresAt) > Date.now() ? upload : undefined;
  }

  async remove(upload: StoredUpload): Promise<void> {
    await Promise.all(upload.files.map((f) => rm(f.path, { force: true })));
    await rm(this.metaPath(upload.id), { force: true });
  }

  async discard(files: readonly Express.Multer.File[]): Promise<void> {
    await Promise.all(files.map((f) => rm(f.path, { force: true })));
  }

  private metaPath(id: string): string {
    return path.join(this.root, `${id}.json`);
  }

  /** Expired uploads go when the next one arrives; no timer keeps the process busy. */
  private async sweep(): Promise<void> {
    const cutoff = Date.now() - TTL_MS;
    for (const dir of [this.root, this.incoming]) {
      for (const name of await readdir(dir)) {
        const file = path.join(dir, name);
        const info = await stat(file).catch(() => undefined);
        if (info?.isFile() && info.mtimeMs < cutoff) await rm(file, { force: true });
      }
    }
  }
}
