/** The web console's built files, served by the API itself (one origin): SPA fallback for every non-API page. */
import path from 'node:path';
import express, { type Router } from 'express';

export function consoleRoutes(dir: string): Router {
  const router = express.Router();
  // Vite names assets by content hash, so they never change; index.html must always be fresh.
  router.use('/assets', express.static(path.join(dir, 'assets'), { immutable: true, maxAge: '1y' }));
  router.use(express.static(dir, { index: false }));
  // A missing asset or API path is a 404 from the API, not the console's page.
  router.get(/^\/(?!api(\/|$)|assets\/).*/, (_req, res) => {
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(path.join(dir, 'index.html'));
  });
  return router;
}
