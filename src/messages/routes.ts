import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { chatId } from '../chats/routes.js';
import { notFound } from '../lib/errors.js';
import { parse } from '../lib/http.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import {
  deleteMessageQuery,
  editMessageBody,
  historyQuery,
  messageIdSchema,
  reactionBody,
  sendMessageBody,
} from './schemas.js';
import type { MessageService } from './service.js';

/** Mounted at /v1/chats/:chatId/messages. `sends` is the per-user budget the WebSocket hub spends too. */
export function messageRoutes(messages: MessageService, sends: RateLimiter): Router {
  const r = Router({ mergeParams: true });
  r.post('/', async (req, res) => {
    const body = parse(sendMessageBody, req.body);
    sends.consume(currentUser(req), 'Sending too fast, slow down');
    const { clientMsgId, text, replyTo, mentions } = body;
    const extras = { ...(replyTo ? { replyTo } : {}), ...(mentions ? { mentions } : {}) };
    const sent = await messages.send(currentUser(req), chatIdOf(req.params), clientMsgId, text, extras);
    res.status(sent.created ? 201 : 200).json(sent.message);
  });
  r.get('/', async (req, res) => {
    res.json(await messages.history(currentUser(req), chatIdOf(req.params), parse(historyQuery, req.query)));
  });
  r.get('/:messageId', async (req, res) => {
    res.json(await messages.get(currentUser(req), chatIdOf(req.params), messageId(req.params)));
  });
  r.patch('/:messageId', async (req, res) => {
    const { text } = parse(editMessageBody, req.body);
    res.json(await messages.edit(currentUser(req), chatIdOf(req.params), messageId(req.params), text));
  });
  r.delete('/:messageId', async (req, res) => {
    const q = parse(deleteMessageQuery, req.query);
    const [user, chat, id] = [currentUser(req), chatIdOf(req.params), messageId(req.params)];
    if (q.for === 'me') {
      await messages.deleteForMe(user, chat, id);
      res.status(204).end();
      return;
    }
    res.json(await messages.delete(user, chat, id));
  });
  r.get('/:messageId/receipts', async (req, res) => {
    const receipts = await messages.receipts(currentUser(req), chatIdOf(req.params), messageId(req.params));
    res.json({ receipts });
  });
  r.put('/:messageId/reaction', async (req, res) => {
    const { emoji } = parse(reactionBody, req.body);
    sends.consume(currentUser(req), 'Reacting too fast, slow down');
    res.json(await messages.react(currentUser(req), chatIdOf(req.params), messageId(req.params), emoji));
  });
  r.delete('/:messageId/reaction', async (req, res) => {
    sends.consume(currentUser(req), 'Reacting too fast, slow down');
    res.json(await messages.react(currentUser(req), chatIdOf(req.params), messageId(req.params), null));
  });
  return r;
}

const chatIdOf = (params: Record<string, string | undefined>) => chatId(params.chatId);

function messageId(params: Record<string, string | undefined>): string {
  const r = messageIdSchema.safeParse(params.messageId);
  if (!r.success) throw notFound('Message not found');
  return r.data;
}
