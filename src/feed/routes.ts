import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { parse } from '../lib/http.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import { toFrame } from '../realtime/to-frame.js';
import { syncQuery } from './schemas.js';
import type { FeedService } from './service.js';

/** GET /v1/sync: the feed without a socket (a phone woken in the background). */
export function feedRoutes(feed: FeedService, syncs: RateLimiter): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    syncs.consume(currentUser(req), 'Syncing too often, slow down');
    const q = parse(syncQuery, req.query);
    const page = await feed.changes(currentUser(req), q.since, q.limit);
    res.json({ changes: page.changes.map(toFrame), token: page.token, complete: page.complete });
  });
  return r;
}
