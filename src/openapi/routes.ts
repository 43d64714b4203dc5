import { Router } from 'express';
import { asyncApiDocument } from './asyncapi.js';
import { openApiDocument } from './document.js';
import { renderDocsPage } from './page.js';

export function docsRoutes(): Router {
  const r = Router();
  r.get('/v1/openapi.json', (_req, res) => {
    res.json(openApiDocument());
  });
  r.get('/v1/asyncapi.json', (_req, res) => {
    res.json(asyncApiDocument());
  });
  r.get('/docs', (_req, res) => {
    // Inline styles only: the page must work with no network beyond this server.
    res.setHeader('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.type('html').send(renderDocsPage(openApiDocument()));
  });
  return r;
}
