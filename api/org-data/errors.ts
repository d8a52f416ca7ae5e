/** The import's own HTTP errors, in the API's envelope `{ error: { code, message, details? } }`. */
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { prefersEnglish } from '../errors.js';
import { MAX_FILE_BYTES, MAX_FILES } from './uploads.js';

const catalogue = {
  NO_FILES: { status: 400, zh: '请在 files 字段中上传 .xlsx 或 .csv 文件。', en: 'Upload .xlsx or .csv files in the "files" field.' },
  TOO_MANY_FILES: { status: 400, zh: `一次最多上传 ${MAX_FILES} 个文件。`, en: `Upload at most ${MAX_FILES} files at once.` },
  FILE_TOO_LARGE: { status: 413, zh: `单个文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB。`, en: `A file may be at most ${MAX_FILE_BYTES / 1024 / 1024} MB.` },
  NO_DISTRICT: { status: 403, zh: '您的账号不属于任何区县的单位或学校，无法管理组织数据。', en: 'Your account belongs to no unit or school of a district, so it cannot manage organisation data.' },
  UPLOAD_NOT_FOUND: { status: 404, zh: '未找到该导入文件，或已超过 24 小时被清除；请重新上传。', en: 'No such upload, or it was removed after 24 hours; upload the files again.' },
  IMPORT_REJECTED: { status: 422, zh: '导入有错误，未写入任何数据；请按报告修改文件后重新上传。', en: 'The import has errors and nothing was written; fix the file as the report says and upload it again.' },
} as const;

export type OrgDataErrorCode = keyof typeof catalogue;

export class OrgDataError extends Error {
  constructor(
    readonly code: OrgDataErrorCode,
    readonly details?: unknown,
  ) {
    super(catalogue[code].en);
  }
}

function fromMulter(err: multer.MulterError): OrgDataError {
  if (err.code === 'LIMIT_FILE_SIZE') return new OrgDataError('FILE_TOO_LARGE');
  if (err.code === 'LIMIT_FILE_COUNT') return new OrgDataError('TOO_MANY_FILES');
  return new OrgDataError('NO_FILES');
}

/** Errors of this router only; everything else goes on to the API's own handler. */
export const orgDataErrorHandler: ErrorRequestHandler = (err: unknown, req, res, next) => {
  const known = err instanceof multer.MulterError ? fromMulter(err) : err;
  if (!(known instanceof OrgDataError)) return next(err);
  const entry = catalogue[known.code];
  res.status(entry.status).json({ error: { code: known.code, message: prefersEnglish(req) ? entry.en : entry.zh, ...(known.details ? { details: known.details } : {}) } });
};
