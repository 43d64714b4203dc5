import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import type { ChatService } from '../chats/service.js';
import { notFound } from '../lib/errors.js';
import { invitationIdSchema } from './schemas.js';
import type { InvitationService } from './service.js';

/** /v1/users/me/invitations */
export function invitationRoutes(invitations: InvitationService, chats: ChatService): Router {
  const r = Router();
  r.get('/', async (req, res) => {
    res.json({ invitations: await invitations.list(currentUser(req)) });
  });
  r.post('/:id/accept', async (req, res) => {
    const me = currentUser(req);
    const chatId = await invitations.accept(me, invitationId(req.params.id));
    res.json(await chats.get(chatId, me));
  });
  r.post('/:id/decline', async (req, res) => {
    await invitations.decline(currentUser(req), invitationId(req.params.id));
    res.status(204).end();
  });
  return r;
}

function invitationId(value: unknown): string {
  const r = invitationIdSchema.safeParse(value);
  if (!r.success) throw notFound('Invitation not found');
  return r.data;
}
