/** The one way the project opens its database: Prisma's query compiler over the `pg` driver adapter. */
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.js';

export type Db = InstanceType<typeof PrismaClient>;

export function createDb(databaseUrl: string, maxConnections = 10): Db {
  // A database that does not answer a new connection within 5 s is treated as down (503), not waited for.
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: databaseUrl, max: maxConnections, connectionTimeoutMillis: 5_000 }) });
}
