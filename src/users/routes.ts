import type { Response } from 'express';
import { Router } from 'express';
import { currentSession, currentUser } from '../auth/middleware.js';
import { notFound } from '../lib/errors.js';
import { parse } from '../lib/http.js';
import type { DataExport } from './export.js';
import { deleteMeBody, searchQuery, updateMeBody, userIdSchema } from './schemas.js';
import type { UserService } from './service.js';

export function userRoutes(users: UserService, exports: DataExport): Router {
  const r = Router();
  r.get('/me', async (req, res) => {
    res.json(await users.me(currentUser(req)));
  });
  r.patch('/me', async (req, res) => {
    res.json(await users.updateMe(currentUser(req), parse(updateMeBody, req.body)));
  });
  // The password again, not just a token: a stolen token must not be able to erase an account.
  r.delete('/me', async (req, res) => {
    const { userId, sessionId } = currentSession(req);
    await users.deleteMe(userId, sessionId, parse(deleteMeBody, req.body).password);
    res.status(204).end();
  });
  r.get('/me/export', async (req, res) => {
    const chunks = await exports.open(currentUser(req));
    if (!chunks) throw notFound('User not found');
    res.status(200).type('application/json').attachment('chat-x-export.json');
    res.setHeader('Cache-Control', 'no-store');
    await stream(res, chunks);
  });
  // Exact email lookup finds only users who share a chat with the caller (see UserService.search).
  r.get('/', async (req, res) => {
    const q = parse(searchQuery, req.query);
    res.json({ users: await users.search(currentUser(req), q.query, q.limit) });
  });
  r.get('/:id', async (req, res) => {
    res.json(await users.get(parse(userIdSchema, req.params.id)));
  });
  return r;
}

/**
 * Writes the chunks as the client reads them (waiting on `drain`), so memory holds a page, not
 * the document. Once headers are out an error can only cut the response short: the client sees
 * an incomplete (unparseable) document rather than a truncated one passing as whole.
 */
async function stream(res: Response, chunks: AsyncGenerator<string>): Promise<void> {
  try {
    for await (const chunk of chunks) {
      if (res.destroyed) return;
      if (!res.write(chunk)) await drained(res);
    }
    res.end();
  } catch (err) {
    res.req.log?.error({ err }, 'data export failed midway');
    res.destroy(err as Error);
  }
}

const drained = (res: Response) =>
  new Promise<void>((resolve) => {
    const done = () => {
      res.off('drain', done).off('close', done);
      resolve();
    };
    res.on('drain', done).on('close', done);
  });
