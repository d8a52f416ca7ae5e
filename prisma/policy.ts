/**
 * The policy's numbers as versioned data (issue 14 point 2): version 1 is policy/config.ts's
 * `policyConfig`; EDU leads add later versions with an effective date. Which version is in force
 * at an instant is read here, by the activity a case calls once when it starts.
 */
import { policyConfig, policyConfigSchema, withChanges, type PolicyConfig } from '../policy/config.js';
import type { Db } from './client.js';

export interface PolicySnapshot {
  version: number;
  config: PolicyConfig;
}

/** In force since long before any case: version 1 is what the policy text says. */
const VERSION_1_FROM = new Date('2000-01-01T00:00:00Z');

export async function seedPolicy(db: Db): Promise<void> {
  await db.$executeRaw`INSERT INTO "PolicyVersion" ("version", "effectiveFrom", "config", "note") VALUES (1, ${VERSION_1_FROM}, ${JSON.stringify(policyConfig)}::jsonb, ${'蚌山区深化义务教育学校集团化办学实施办法 / the policy text and its defaults'}) ON CONFLICT DO NOTHING`;
}

/** The version in force at `at`: the latest whose effective date has come. */
export async function effectivePolicy(db: Db, at: Date): Promise<PolicySnapshot> {
  const row = await db.policyVersion.findFirst({ where: { effectiveFrom: { lte: at } }, orderBy: [{ effectiveFrom: 'desc' }, { version: 'desc' }] });
  return row ? { version: row.version, config: row.config as unknown as PolicyConfig } : { version: 1, config: policyConfig };
}

export class PolicyRejected extends Error {
  constructor(readonly problems: { path: string; message: string }[]) {
    super('The policy version has problems; nothing was saved.');
  }
}

/**
 * A new version: the version in force at its effective date with `changes` laid over it, checked
 * whole, numbered after the last, audited in the same transaction.
 */
export async function addPolicyVersion(db: Db, input: { actorId: string; effectiveFrom: Date; note: string; changes: Record<string, unknown> }): Promise<PolicySnapshot & { effectiveFrom: Date }> {
  return db.$transaction(async (tx) => {
    // One writer at a time, so two leads cannot both take the next number.
    await tx.$executeRaw`LOCK TABLE "PolicyVersion" IN SHARE ROW EXCLUSIVE MODE`;
    const base = await effectivePolicy(tx as unknown as Db, input.effectiveFrom);
    const parsed = policyConfigSchema.safeParse(withChanges(base.config, input.changes));
    if (!parsed.success) throw new PolicyRejected(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
    const last = await tx.policyVersion.aggregate({ _max: { version: true } });
    const version = (last._max.version ?? 1) + 1;
    await tx.policyVersion.create({ data: { version, effectiveFrom: input.effectiveFrom, config: parsed.data as object, note: input.note, createdById: input.actorId } });
    await tx.auditLog.create({ data: { actorId: input.actorId, action: 'POLICY_VERSION_ADDED', details: { version, basedOn: base.version, effectiveFrom: input.effectiveFrom.toISOString(), changes: input.changes as object, note: input.note } } });
    return { version, config: parsed.data, effectiveFrom: input.effectiveFrom };
  });
}
