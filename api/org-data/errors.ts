/** What goes wrong while an upload is received, as the API's own domain errors. */
import type { RequestHandler } from 'express';
import multer from 'multer';
import { DomainError } from '../errors.js';

/**
 * Limits hit inside multer are its codes; a body busboy cannot parse (cut short, a malformed part
 * header, no boundary) or a request closed half-way is a plain error without an errno code — the
 * client's fault, 400. A storage error (ENOSPC, EACCES…) stays the server's.
 */
function uploadError(err: unknown): unknown {
  if (err instanceof multer.MulterError) {
    if (err.code === 'LIMIT_FILE_SIZE') return new DomainError('FILE_TOO_LARGE');
    if (err.code === 'LIMIT_FILE_COUNT') return new DomainError('TOO_MANY_FILES');
    return new DomainError('NO_FILES');
  }
  if (err instanceof Error && !('code' in err)) return new DomainError('MALFORMED_UPLOAD');
  return err;
}

/** multer's middleware, answering with the errors above; multer has already removed what it stored of a refused upload. */
export function withUploadErrors(receive: RequestHandler): RequestHandler {
  return (req, res, next) => receive(req, res, (err?: unknown) => next(err === undefined ? undefined : uploadError(err)));
}
