/** The web console's built files, served by the API itself (one origin): SPA fallback for every non-API page. */
import path from 'node:path';
import express, { type Router } from 'express';

export function consoleRoutes(dir: string): Router {
  const router = express.Router();
  // Vite names assets by content hash, so they never change; index.html must always be fresh.
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }));
  router.use(express.static(dir, { index: false }));
  router.get(/^\/(?!api(\/|$)).*/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
