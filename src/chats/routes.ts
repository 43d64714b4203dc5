import { Router } from 'express';
import { currentUser } from '../auth/middleware.js';
import { notFound } from '../lib/errors.js';
import { parse } from '../lib/http.js';
import { userIdSchema } from '../users/schemas.js';
import {
  addMemberBody,
  chatIdSchema,
  chatSettingsPatch,
  createChatBody,
  deliveredBody,
  listChatsQuery,
  readBody,
  updateChatBody,
  updateMemberBody,
} from './schemas.js';
import type { ChatService } from './service.js';
import type { ChatSettingsService } from './settings.js';

export function chatRoutes(chats: ChatService, settings?: ChatSettingsService): Router {
  const r = Router();
  r.post('/', async (req, res) => {
    const { chat, created } = await chats.create(currentUser(req), parse(createChatBody, req.body));
    res.status(created ? 201 : 200).json(chat);
  });
  r.get('/', async (req, res) => {
    const q = parse(listChatsQuery, req.query);
    res.json(await chats.list(currentUser(req), q.limit, q.cursor, q.archived));
  });
  r.get('/:chatId', async (req, res) => {
    res.json(await chats.get(chatId(req.params.chatId), currentUser(req)));
  });
  r.patch('/:chatId', async (req, res) => {
    res.json(
      await chats.update(chatId(req.params.chatId), currentUser(req), parse(updateChatBody, req.body)),
    );
  });
  r.post('/:chatId/members', async (req, res) => {
    const { userId } = parse(addMemberBody, req.body);
    const added = await chats.addMember(chatId(req.params.chatId), currentUser(req), userId);
    // Someone who accepts adds from nobody is invited instead: 202, nothing joined yet.
    if ('invitation' in added) res.status(202).json(added);
    else res.status(201).json(added.chat);
  });
  r.delete('/:chatId/members/:userId', async (req, res) => {
    await chats.removeMember(
      chatId(req.params.chatId),
      currentUser(req),
      parse(userIdSchema, req.params.userId),
    );
    res.status(204).end();
  });
  r.patch('/:chatId/members/:userId', async (req, res) => {
    const { role } = parse(updateMemberBody, req.body);
    res.json(
      await chats.setRole(
        chatId(req.params.chatId),
        currentUser(req),
        parse(userIdSchema, req.params.userId),
        role,
      ),
    );
  });
  if (settings)
    r.patch('/:chatId/settings', async (req, res) => {
      res.json(
        await settings.update(
          chatId(req.params.chatId),
          currentUser(req),
          parse(chatSettingsPatch, req.body),
        ),
      );
    });
  r.post('/:chatId/read', async (req, res) => {
    const { messageId } = parse(readBody, req.body);
    res.json(await chats.markRead(chatId(req.params.chatId), currentUser(req), messageId));
  });
  r.post('/:chatId/delivered', async (req, res) => {
    const { messageId } = parse(deliveredBody, req.body);
    res.json(await chats.markDelivered(chatId(req.params.chatId), currentUser(req), messageId));
  });
  return r;
}

// A malformed id cannot name a chat the caller is in: 404 like any other chat they cannot see.
export function chatId(value: unknown): string {
  const r = chatIdSchema.safeParse(value);
  if (!r.success) throw notFound('Chat not found');
  return r.data;
}
