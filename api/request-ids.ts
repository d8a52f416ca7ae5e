/**
 * A requestId names one request (issue 12 point 3). Officials' clients repeat a request with the
 * same id until they get a definite answer, and Temporal answers a repeated update id with the
 * first update's outcome whatever the repeat carries. So the first use of an id records what it
 * asked for, and a use asking for something else (another action, comment, task or official) is
 * refused with 409 before anything is sent.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../prisma/client.js';
import { DomainError } from './errors.js';

/** JSON with object keys sorted, so the same request always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

export async function claimRequestId(db: Db, request: { requestId: string; kind: 'DECISION' | 'ASSIGN' | 'WITHDRAW' | 'RESUBMIT'; subjectId: string; officialId: string; asked: unknown }): Promise<void> {
  const fingerprint = createHash('sha256').update(canonical(request.asked)).digest('hex');
  await db.$executeRaw`INSERT INTO "RequestRecord" ("requestId", "kind", "subjectId", "officialId", "fingerprint") VALUES (${request.requestId}, ${request.kind}, ${request.subjectId}, ${request.officialId}, ${fingerprint}) ON CONFLICT DO NOTHING`;
  const first = await db.requestRecord.findUniqueOrThrow({ where: { requestId: request.requestId } });
  if (first.kind !== request.kind || first.subjectId !== request.subjectId || first.officialId !== request.officialId || first.fingerprint !== fingerprint) {
    throw new DomainError('REQUEST_ID_REUSED');
  }
}
