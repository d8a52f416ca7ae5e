/**
 * The zero-install database: PGlite (PostgreSQL compiled to WASM) behind its socket server, so the
 * Prisma CLI, the worker and the API all reach it with an ordinary postgres:// URL — the same code
 * path as a real PostgreSQL server.
 */
import { createServer } from 'node:net';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  /**
   * Clients must share one connection. PGlite is a single session: the socket server queues
   * protocol messages, not whole queries, so concurrent connections overwrite each other's unnamed
   * prepared statements ("unnamed prepared statement does not exist", measured under load).
   */
  poolSize: 1;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** `dataDir` persists the database; without it the database lives in memory (tests). */
export async function startEmbeddedPostgres(dataDir?: string): Promise<EmbeddedPostgres> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? 'memory://');
  const port = await freePort();
  // Several connections may open (the Prisma CLI beside a running pool); see `poolSize` for why
  // the application's pool still uses one.
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    poolSize: 1,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
