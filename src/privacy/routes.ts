import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { notFound } from '../lib/errors.js';
import { userIdSchema } from '../users/schemas.js';
import type { PrivacyService } from './service.js';

/** /v1/users/me/blocks */
export function blockRoutes(privacy: PrivacyService): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ blocks: await privacy.list(currentUser(req)) });
  });
  r.put('/:userId', async (req, res) => {
    await privacy.block(currentUser(req), userId(req.params.userId));
    res.status(204).end();
  });
  r.delete('/:userId', async (req, res) => {
    await privacy.unblock(currentUser(req), userId(req.params.userId));
    res.status(204).end();
  });
  return r;
}

// A malformed id names no user: 404 like an unknown one.
function userId(value: unknown): string {
  const r = userIdSchema.safeParse(value);
  if (!r.success) throw notFound('User not found');
  return r.data;
}
