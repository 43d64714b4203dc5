import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { parse } from '../lib/http.js';
import { searchQuery, updateMeBody, userIdSchema } from './schemas.js';
import type { UserService } from './service.js';

export function userRoutes(users: UserService): Router {
  const r = Router();
  r.get('/me', async (req, res) => {
    res.json(await users.me(currentUser(req)));
  });
  r.patch('/me', async (req, res) => {
    res.json(await users.updateMe(currentUser(req), parse(updateMeBody, req.body)));
  });
  r.get('/', async (req, res) => {
    const q = parse(searchQuery, req.query);
    res.json({ users: await users.search(q.query, q.limit) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await users.get(parse(userIdSchema, req.params.id)));
  });
  return r;
}
