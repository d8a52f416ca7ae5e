/** Login sessions: an opaque bearer token, stored only as its SHA-256 hash. */
import { createHash } from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import type { Db } from '../../prisma/client.js';
import { DomainError } from '../errors.js';

export interface CurrentOfficial {
  id: string;
  login: string;
  displayName: string;
  roles: ('OFFICIAL' | 'SCHEDULER' | 'ADMIN')[];
  unitId: string | null;
  unitCode: string | null;
  schoolId: string | null;
  isLead: boolean;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function currentOfficial(res: Response): CurrentOfficial {
  const official = res.locals.official as CurrentOfficial | undefined;
  if (!official) throw new DomainError('UNAUTHENTICATED');
  return official;
}

export function authenticate(db: Db): RequestHandler {
  return async (req, res, next) => {
    const token = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1];
    if (!token) throw new DomainError('UNAUTHENTICATED');
    const session = await db.session.findUnique({ where: { tokenHash: hashToken(token) }, include: { official: { include: { unit: true } } } });
    if (!session || session.expiresAt <= new Date() || !session.official.active) throw new DomainError('UNAUTHENTICATED');
    const { official } = session;
    res.locals.official = {
      id: official.id,
      login: official.login,
      displayName: official.displayName,
      roles: official.roles,
      unitId: official.unitId,
      unitCode: official.unit?.code ?? null,
      schoolId: official.schoolId,
      isLead: official.isUnitLead,
    } satisfies CurrentOfficial;
    next();
  };
}

export function logoutRoute(db: Db): RequestHandler {
  return async (req, res) => {
    const token = /^Bearer (\S+)$/.exec(req.get('authorization') ?? '')?.[1] ?? '';
    await db.session.deleteMany({ where: { tokenHash: hashToken(token) } });
    res.status(204).end();
  };
}
