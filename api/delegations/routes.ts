/** 委托: an official names a delegate for a period of absence; both see it, and it is audited. */
import { Router } from 'express';
import type { Db } from '../../prisma/client.js';
import { currentOfficial } from '../auth/sessions.js';
import { DomainError } from '../errors.js';
import { delegationBody } from '../schemas.js';

export function delegationRoutes(db: Db): Router {
  const router = Router();
  const current = (officialId: string) => ({ delegatorId: officialId, revokedAt: null, endsAt: { gt: new Date() } });
  const view = { delegate: { select: { id: true, login: true, displayName: true } } };

  router.get('/me/delegation', async (_req, res) => {
    const me = currentOfficial(res);
    const [mine, coveringFor] = await Promise.all([
      db.delegation.findFirst({ where: current(me.id), include: view, orderBy: { createdAt: 'desc' } }),
      db.delegation.findMany({ where: { delegateId: me.id, revokedAt: null, endsAt: { gt: new Date() } }, include: { delegator: { select: { id: true, login: true, displayName: true } } } }),
    ]);
    res.json({ delegation: mine, coveringFor });
  });

  router.put('/me/delegation', async (req, res) => {
    const me = currentOfficial(res);
    const body = delegationBody.parse(req.body);
    const delegate = await db.official.findUnique({ where: { id: body.delegateId } });
    if (!delegate || !delegate.active || delegate.id === me.id) throw new DomainError('DELEGATE_INVALID');
    // One delegation at a time: a new one replaces the current one, in one transaction.
    const [, delegation] = await db.$transaction([
      db.delegation.updateMany({ where: current(me.id), data: { revokedAt: new Date() } }),
      db.delegation.create({ data: { delegatorId: me.id, delegateId: delegate.id, startsAt: new Date(body.startsAt), endsAt: new Date(body.endsAt) }, include: view }),
      db.auditLog.create({ data: { actorId: me.id, action: 'DELEGATION_SET', details: { delegateId: delegate.id, startsAt: body.startsAt, endsAt: body.endsAt } } }),
    ]);
    res.json({ delegation });
  });

  router.delete('/me/delegation', async (_req, res) => {
    const me = currentOfficial(res);
    await db.$transaction([
      db.delegation.updateMany({ where: current(me.id), data: { revokedAt: new Date() } }),
      db.auditLog.create({ data: { actorId: me.id, action: 'DELEGATION_REVOKED' } }),
    ]);
    res.status(204).end();
  });

  return router;
}
