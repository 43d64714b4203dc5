import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { chatId } from '../chats/routes.js';
import type { ChatService } from '../chats/service.js';
import { notFound } from '../lib/errors.js';
import { parse } from '../lib/http.js';
import { userIdSchema } from '../users/schemas.js';
import { createInviteBody, inviteCodeSchema } from './schemas.js';
import type { InviteService } from './service.js';

/** /v1/chats/:chatId/invites and /v1/chats/:chatId/join-requests (owners and admins). */
export function chatInviteRoutes(invites: InviteService): Router {
  const r = Router({ mergeParams: true });
  r.post('/invites', async (req, res) => {
    const { expiresInSeconds } = parse(createInviteBody, req.body ?? {});
    res.status(201).json(await invites.create(chatOf(req.params), currentUser(req), expiresInSeconds));
  });
  r.get('/invites', async (req, res) => {
    res.json({ invites: await invites.list(chatOf(req.params), currentUser(req)) });
  });
  r.delete('/invites/:code', async (req, res) => {
    const code = inviteCodeSchema.safeParse(req.params.code);
    if (!code.success) throw notFound('Invite link not found');
    await invites.revoke(chatOf(req.params), currentUser(req), code.data);
    res.status(204).end();
  });
  r.get('/join-requests', async (req, res) => {
    res.json({ requests: await invites.requests(chatOf(req.params), currentUser(req)) });
  });
  r.post('/join-requests/:userId/approve', async (req, res) => {
    await invites.approve(chatOf(req.params), currentUser(req), requester(req.params.userId));
    res.status(204).end();
  });
  r.post('/join-requests/:userId/deny', async (req, res) => {
    await invites.deny(chatOf(req.params), currentUser(req), requester(req.params.userId));
    res.status(204).end();
  });
  return r;
}

/** /v1/invites/:code: preview and join, for anyone signed in. */
export function inviteRoutes(invites: InviteService, chats: ChatService): Router {
  const r = Router();
  r.get('/:code', async (req, res) => {
    res.json(await invites.preview(currentUser(req), code(req.params.code)));
  });
  r.post('/:code/join', async (req, res) => {
    const me = currentUser(req);
    const result = await invites.join(me, code(req.params.code));
    if (result.joined) res.json(await chats.get(result.chatId, me));
    else res.status(202).json({ requested: true });
  });
  return r;
}

const chatOf = (params: Record<string, string | undefined>) => chatId(params.chatId);

// A malformed code is looked up like any other (and counted): undefined finds nothing.
const code = (value: unknown) => {
  const r = inviteCodeSchema.safeParse(value);
  return r.success ? r.data : undefined;
};

function requester(value: unknown): string {
  const r = userIdSchema.safeParse(value);
  if (!r.success) throw notFound('Join request not found');
  return r.data;
}
