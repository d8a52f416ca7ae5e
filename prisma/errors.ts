/**
 * What a database failure means for whoever meets it: the database is unreachable for now (retry
 * later, nothing was written), or the data itself is refused (retrying the same write can never
 * succeed). Read from Prisma's error codes and the PostgreSQL SQLSTATE its driver adapter reports.
 */
import { Prisma } from '../generated/prisma/client.js';

interface AdapterCause {
  kind?: string;
  originalCode?: string;
  code?: string;
}

function adapterCause(err: Prisma.PrismaClientKnownRequestError): AdapterCause | undefined {
  const meta = err.meta as { driverAdapterError?: { cause?: AdapterCause } } | undefined;
  return meta?.driverAdapterError?.cause;
}

// P1001 unreachable, P1002 timed out, P1008 operation timed out, P1017 connection closed, P2024 pool timeout.
const UNAVAILABLE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'TransactionAlreadyClosed']);
// SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57 operator intervention (shutdown).
const UNAVAILABLE_SQLSTATE = /^(08|53|57)/;
// SQLSTATE classes: 22 data exception (bad encoding, value too long…), 23 integrity constraint violation.
const DATA_SQLSTATE = /^(22|23)/;
// Prisma's own "the data is wrong" codes: value too long, unique, foreign key, constraint, invalid value, null, record not found…
const DATA_CODES = new Set(['P2000', 'P2002', 'P2003', 'P2004', 'P2005', 'P2006', 'P2007', 'P2011', 'P2012', 'P2013', 'P2014', 'P2019', 'P2020', 'P2023', 'P2025']);

const sqlState = (cause: AdapterCause | undefined) => cause?.originalCode ?? cause?.code ?? '';
const nodeNetworkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH']);

/** The database could not be reached or dropped the connection: nothing was written, retry later. */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientKnownRequestError) {
    const cause = adapterCause(err);
    return UNAVAILABLE_CODES.has(err.code) || UNAVAILABLE_KINDS.has(cause?.kind ?? '') || UNAVAILABLE_SQLSTATE.test(sqlState(cause));
  }
  if (err instanceof Prisma.PrismaClientInitializationError) return true;
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && nodeNetworkCodes.has(code);
}

/** The write itself is refused (bad encoding, a constraint, a missing row, an invalid query): no retry can succeed. */
export function isPermanentDataError(err: unknown): boolean {
  if (err instanceof Prisma.PrismaClientValidationError) return true;
  if (!(err instanceof Prisma.PrismaClientKnownRequestError) || isDatabaseUnavailable(err)) return false;
  return DATA_CODES.has(err.code) || DATA_SQLSTATE.test(sqlState(adapterCause(err)));
}
