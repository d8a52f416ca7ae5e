/** Upload limits hit inside multer, as the API's own domain errors. */
import type { ErrorRequestHandler } from 'express';
import multer from 'multer';
import { DomainError } from '../errors.js';

export const uploadErrors: ErrorRequestHandler = (err: unknown, _req, _res, next) => {
  if (!(err instanceof multer.MulterError)) return next(err);
  if (err.code === 'LIMIT_FILE_SIZE') return next(new DomainError('FILE_TOO_LARGE'));
  if (err.code === 'LIMIT_FILE_COUNT') return next(new DomainError('TOO_MANY_FILES'));
  next(new DomainError('NO_FILES'));
};
