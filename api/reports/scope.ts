/**
 * Whose figures a caller may read: officials (any role) their own district — the district of their
 * unit or school — and administrators every district, or the one they ask for.
 */
import type { Db } from '../../prisma/client.js';
import type { CurrentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';

const READERS = ['OFFICIAL', 'SCHEDULER', 'ADMIN'] as const;

export interface ScopeDistrict {
  id: string;
  code: string;
  name: string;
}

export type Scope = ScopeDistrict[];

const districtFields = { id: true, code: true, name: true } as const;

export async function reportScope(db: Db, me: CurrentOfficial, requested: string | undefined): Promise<Scope> {
  if (!me.roles.some((role) => READERS.includes(role))) throw new DomainError('FORBIDDEN');
  if (me.roles.includes('ADMIN')) {
    return db.district.findMany({ where: requested ? { id: requested } : {}, select: districtFields, orderBy: { code: 'asc' } });
  }
  const home = me.unitId
    ? await db.unit.findUnique({ where: { id: me.unitId }, select: { district: { select: districtFields } } })
    : me.schoolId
      ? await db.school.findUnique({ where: { id: me.schoolId }, select: { district: { select: districtFields } } })
      : null;
  if (!home) throw new DomainError('REPORT_NO_DISTRICT');
  if (requested && requested !== home.district.id) throw new DomainError('REPORT_OUT_OF_SCOPE');
  return [home.district];
}

/** A group or school named in the query must lie in the caller's scope. */
export function requireInScope(scope: Scope, record: { districtId: string } | null): void {
  if (!record) throw new DomainError('NOT_FOUND');
  if (!scope.some((d) => d.id === record.districtId)) throw new DomainError('REPORT_OUT_OF_SCOPE');
}

export const districtIds = (scope: Scope) => scope.map((d) => d.id);
