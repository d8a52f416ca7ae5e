/**
 * Who may see and act on what. An official acts as themself, or — while a delegation is in force —
 * for each absent colleague who delegated to them (委托); tasks are routed to a unit or a school.
 */
import type { Db } from '../prisma/client.js';
import type { Actor } from '../workflows/approval-chain/messages.js';
import type { CurrentOfficial } from './auth/sessions.js';

export interface Identity {
  officialId: string;
  unitId: string | null;
  unitCode: string | null;
  schoolId: string | null;
  isLead: boolean;
}

export function selfIdentity(me: CurrentOfficial): Identity {
  return { officialId: me.id, unitId: me.unitId, unitCode: me.unitCode, schoolId: me.schoolId, isLead: me.isLead };
}

/** The official's own identity first, then those of colleagues who delegated to them now. */
export async function identitiesOf(db: Db, me: CurrentOfficial, at = new Date()): Promise<Identity[]> {
  const delegations = await db.delegation.findMany({
    where: { delegateId: me.id, revokedAt: null, startsAt: { lte: at }, endsAt: { gt: at } },
    include: { delegator: { include: { unit: true } } },
  });
  return [
    selfIdentity(me),
    ...delegations.map(({ delegator: d }) => ({ officialId: d.id, unitId: d.unitId, unitCode: d.unit?.code ?? null, schoolId: d.schoolId, isLead: d.isUnitLead })),
  ];
}

/** Pending tasks an identity may take: routed to its unit or school and free or its own, or assigned to it. */
export function tasksFor(identity: Identity) {
  const routed = [...(identity.unitId ? [{ unitId: identity.unitId }] : []), ...(identity.schoolId ? [{ schoolId: identity.schoolId }] : [])];
  return {
    OR: [
      { assigneeId: identity.officialId },
      ...(routed.length ? [{ AND: [{ OR: routed }, { assigneeId: null }, ...(identity.isLead ? [] : [{ leadOnly: false }])] }] : []),
    ],
  };
}

/** The identity under which `me` may act on a task, or undefined. */
export function identityForTask(identities: Identity[], task: { unitId: string | null; schoolId: string | null; assigneeId: string | null; leadOnly: boolean }): Identity | undefined {
  return identities.find((id) => {
    if (task.assigneeId) return task.assigneeId === id.officialId;
    const routed = (task.unitId !== null && task.unitId === id.unitId) || (task.schoolId !== null && task.schoolId === id.schoolId);
    return routed && (!task.leadOnly || id.isLead);
  });
}

export function actorFor(me: CurrentOfficial, identity: Identity): Actor {
  return {
    officialId: me.id,
    ...(identity.officialId !== me.id ? { onBehalfOfId: identity.officialId } : {}),
    unitCode: identity.unitCode,
    schoolId: identity.schoolId,
    isLead: identity.isLead,
  };
}

/** Admins see every case; others the cases they started, were copied on, or have a task routed to them. */
export function visibleCases(me: CurrentOfficial, identities: Identity[]) {
  if (me.roles.includes('ADMIN')) return {};
  const unitIds = identities.flatMap((i) => (i.unitId ? [i.unitId] : []));
  const schoolIds = identities.flatMap((i) => (i.schoolId ? [i.schoolId] : []));
  const officialIds = identities.map((i) => i.officialId);
  return {
    OR: [
      { initiatorId: me.id },
      { copies: { some: { OR: [{ officialId: me.id }, ...(me.unitId ? [{ unitId: me.unitId }] : [])] } } },
      { tasks: { some: { OR: [{ unitId: { in: unitIds } }, { schoolId: { in: schoolIds } }, { assigneeId: { in: officialIds } }] } } },
    ],
  };
}
