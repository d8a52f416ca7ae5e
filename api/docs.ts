/** A browsable API page (Swagger UI, served from the installed package) over /openapi.json. */
import { createRequire } from 'node:module';
import path from 'node:path';
import express, { Router } from 'express';

const swaggerUiDir = path.dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

const page = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>GroupFlow API · 接口文档</title>
<link rel="stylesheet" href="/docs/assets/swagger-ui.css"></head>
<body><div id="api"></div><script src="/docs/assets/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script></body></html>`;

// A file of its own, not an inline script: the Content-Security-Policy allows scripts from 'self' only.
const init = `SwaggerUIBundle({ url: '/openapi.json', dom_id: '#api' });`;

export function docsRoutes(): Router {
  const router = Router();
  router.use('/docs/assets', express.static(swaggerUiDir, { index: false }));
  router.get('/docs/init.js', (_req, res) => {
    res.type('js').send(init);
  });
  router.get('/docs', (_req, res) => {
    res.type('html').send(page);
  });
  return router;
}
