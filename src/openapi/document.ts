import { OpenAPIRegistry, OpenApiGeneratorV31, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  refreshBody,
  resetConfirmBody,
  resetRequestBody,
  sessionList,
  sessionResponse,
  signupBody,
} from '../auth/schemas.js';
import {
  addMemberBody,
  chat,
  chatPage,
  chatSettings,
  chatSettingsPatch,
  createChatBody,
  listChatsQuery,
  readBody,
  updateChatBody,
  updateMemberBody,
} from '../chats/schemas.js';
import { device, deviceList, registerDeviceBody, vapidKey } from '../devices/schemas.js';
import { syncQuery } from '../feed/schemas.js';
import { errorCatalogue } from '../lib/errors.js';
import {
  editMessageBody,
  historyQuery,
  historyResponse,
  message,
  sendMessageBody,
} from '../messages/schemas.js';
import { serverFrame } from '../realtime/frames.js';
import { deleteMeBody, me, publicUser, searchQuery, updateMeBody } from '../users/schemas.js';

// The API reference, generated from the same zod schemas the routes validate with.

const errorBody = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(errorCatalogue) as [string, ...string[]]),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });

const syncPage = z
  .object({
    changes: z.array(serverFrame).describe('the same frames a connected device receives live'),
    token: z.string(),
    complete: z.boolean(),
  })
  .meta({ id: 'SyncPage' });

const chatIdParam = z.object({
  chatId: z.string().describe('g_<ULID> for groups, d_<hash> for direct chats'),
});
const memberParams = chatIdParam.extend({ userId: z.string() });
const messageParams = chatIdParam.extend({ messageId: z.string() });

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((s) => [s, json(errorBody, describeStatus(s))]));

function describeStatus(status: number): string {
  const codes = Object.entries(errorCatalogue)
    .filter(([, e]) => e.status === status)
    .map(([code]) => code);
  return `Error: ${codes.join(', ')}`;
}

type Route = Omit<RouteConfig, 'responses'> & { responses: RouteConfig['responses']; public?: boolean };

const body = (schema: z.ZodType) => ({ body: { content: { 'application/json': { schema } } } });

export const routes: Route[] = [
  {
    method: 'get',
    path: '/healthz',
    summary: 'Liveness (no I/O)',
    public: true,
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
  },
  {
    method: 'get',
    path: '/readyz',
    summary: 'Readiness: DynamoDB answers (Redis, when configured, only degrades)',
    public: true,
    responses: {
      200: json(
        z.object({ status: z.enum(['ok', 'degraded']), checks: z.record(z.string(), z.string()) }),
        'Ready',
      ),
      503: json(
        z.object({ status: z.literal('unavailable'), checks: z.record(z.string(), z.string()) }),
        'Not ready',
      ),
    },
  },
  {
    method: 'post',
    path: '/v1/auth/signup',
    summary: 'Create an account',
    public: true,
    request: body(signupBody),
    responses: { 201: json(sessionResponse, 'Signed up'), ...errors(400, 409, 429) },
  },
  {
    method: 'post',
    path: '/v1/auth/login',
    summary: 'Sign in',
    public: true,
    request: body(loginBody),
    responses: { 200: json(sessionResponse, 'Signed in'), ...errors(400, 401, 429) },
  },
  {
    method: 'post',
    path: '/v1/auth/refresh',
    summary: 'Rotate a refresh token (reuse revokes the session)',
    public: true,
    request: body(refreshBody),
    responses: { 200: json(sessionResponse, 'New tokens'), ...errors(400, 401, 429) },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    summary: 'End the session of a refresh token',
    public: true,
    request: body(refreshBody),
    responses: { 204: { description: 'Signed out' }, ...errors(400) },
  },
  // Account controls (password, sessions, reset by email).
  {
    method: 'post',
    path: '/v1/auth/password',
    summary: 'Change my password (ends every other session)',
    request: body(changePasswordBody),
    responses: { 204: { description: 'Changed' }, ...errors(400, 401, 429) },
  },
  {
    method: 'get',
    path: '/v1/auth/sessions',
    summary: 'My sessions (sign-ins), oldest first',
    responses: { 200: json(sessionList, 'Sessions'), ...errors(401) },
  },
  {
    method: 'delete',
    path: '/v1/auth/sessions/{id}',
    summary: 'End one of my sessions everywhere',
    request: { params: z.object({ id: z.string() }) },
    responses: { 204: { description: 'Ended' }, ...errors(401, 404) },
  },
  {
    method: 'post',
    path: '/v1/auth/logout-all',
    summary: 'End all my sessions, this one included',
    responses: { 204: { description: 'Signed out everywhere' }, ...errors(401) },
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset',
    summary: 'Mail a password-reset link (202 whether or not the email has an account)',
    public: true,
    request: body(resetRequestBody),
    responses: { 202: { description: 'Accepted' }, ...errors(400, 429) },
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset/confirm',
    summary: 'Set a new password from a reset link (ends every session)',
    public: true,
    request: body(resetConfirmBody),
    responses: { 204: { description: 'Password set' }, ...errors(400) },
  },
  {
    method: 'get',
    path: '/v1/users/me',
    summary: 'My profile',
    responses: { 200: json(me, 'Me'), ...errors(401) },
  },
  {
    method: 'patch',
    path: '/v1/users/me',
    summary: 'Change my userName or displayName',
    request: body(updateMeBody),
    responses: { 200: json(me, 'Updated'), ...errors(400, 401, 409) },
  },
  {
    method: 'delete',
    path: '/v1/users/me',
    summary:
      'Delete my account (password required): profile, email, userName and sessions go at once; I leave my groups, my direct chats become read-only, my messages stay as from a deleted account',
    request: body(deleteMeBody),
    responses: { 204: { description: 'Deleted; every session ended' }, ...errors(400, 401, 429) },
  },
  {
    method: 'get',
    path: '/v1/users/me/export',
    summary: 'My data as one JSON document (profile, chats, my messages), streamed',
    responses: {
      200: json(
        z.object({
          exportedAt: z.string(),
          profile: me,
          chats: z.array(
            z.object({
              id: z.string(),
              type: z.enum(['direct', 'group']),
              name: z.string().optional(),
              role: z.string(),
              joinedAt: z.string(),
            }),
          ),
          messages: z.array(message.omit({ senderId: true, clientMsgId: true })),
        }),
        'The export (Content-Disposition: attachment)',
      ),
      ...errors(401, 404),
    },
  },
  {
    method: 'get',
    path: '/v1/users',
    summary:
      'Find users by userName prefix (3+ characters) or by exact email (only users who share a chat with me); rate-limited per user',
    request: { query: searchQuery },
    responses: {
      200: json(z.object({ users: z.array(publicUser) }), 'Matches (at most 20)'),
      ...errors(400, 401, 429),
    },
  },
  {
    method: 'get',
    path: '/v1/users/{id}',
    summary: 'A user',
    request: { params: z.object({ id: z.string() }) },
    responses: { 200: json(publicUser, 'The user'), ...errors(400, 401, 404) },
  },
  {
    method: 'post',
    path: '/v1/chats',
    summary: 'Start a direct chat (200 if it exists) or create a group',
    request: body(createChatBody),
    responses: {
      200: json(chat, 'The existing direct chat'),
      201: json(chat, 'Created'),
      ...errors(400, 401, 422),
    },
  },
  {
    method: 'get',
    path: '/v1/chats',
    summary: 'My chats, most recent activity first',
    request: { query: listChatsQuery },
    responses: { 200: json(chatPage, 'A page of chats'), ...errors(400, 401) },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}',
    summary: 'A chat I am in',
    request: { params: chatIdParam },
    responses: { 200: json(chat, 'The chat'), ...errors(401, 404) },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}',
    summary: 'Rename a group or change who may add members',
    request: { params: chatIdParam, ...body(updateChatBody) },
    responses: { 200: json(chat, 'Updated'), ...errors(400, 401, 403, 404, 422) },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/members',
    summary: 'Add a member to a group',
    request: { params: chatIdParam, ...body(addMemberBody) },
    responses: { 201: json(chat, 'Added'), ...errors(400, 401, 403, 404, 409, 422) },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/members/{userId}',
    summary: 'Remove a member, or leave (my own id)',
    request: { params: memberParams },
    responses: { 204: { description: 'Removed' }, ...errors(401, 403, 404, 409, 422) },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/members/{userId}',
    summary: 'Change a member role (owner only; role=owner hands ownership over)',
    request: { params: memberParams, ...body(updateMemberBody) },
    responses: { 200: json(chat, 'Updated'), ...errors(400, 401, 403, 404, 409, 422) },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/read',
    summary: 'Move my read marker forward',
    request: { params: chatIdParam, ...body(readBody) },
    responses: {
      200: json(z.object({ lastReadId: z.string() }), 'Where my marker is now'),
      ...errors(400, 401, 404),
    },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/messages',
    summary: 'Send a message (idempotent per clientMsgId)',
    request: { params: chatIdParam, ...body(sendMessageBody) },
    responses: {
      200: json(message, 'Already stored: the original'),
      201: json(message, 'Stored'),
      ...errors(400, 401, 404, 429, 503),
    },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/messages',
    summary: 'History: before= newest first, after= oldest first',
    request: { params: chatIdParam, query: historyQuery },
    responses: { 200: json(historyResponse, 'A page of messages'), ...errors(400, 401, 404) },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    summary: 'One message',
    request: { params: messageParams },
    responses: { 200: json(message, 'The message'), ...errors(401, 404) },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    summary: 'Edit my message',
    request: { params: messageParams, ...body(editMessageBody) },
    responses: { 200: json(message, 'Edited'), ...errors(400, 401, 403, 404, 409) },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    summary: 'Delete a message (leaves a tombstone)',
    request: { params: messageParams },
    responses: { 200: json(message, 'The tombstone'), ...errors(401, 403, 404) },
  },
  {
    method: 'get',
    path: '/v1/sync',
    summary: 'Every change in my chats since a token (the WebSocket replay, without a socket)',
    description:
      'Without `since`: no changes, only the current token (a device that just loaded its state). ' +
      'With it: the frames a connected device would have received live since then, oldest first, ' +
      'at most `limit`; `complete: false` means more wait, so call again with the new token. ' +
      '400 `sync_token_invalid` for a token not issued to me; 410 `sync_expired` past 30 days.',
    request: { query: syncQuery },
    responses: { 200: json(syncPage, 'Changes and the token to resume from'), ...errors(400, 401, 410) },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/settings',
    summary: 'My own settings of a chat: mute until, archive, pin (any subset)',
    description:
      'Only I see them; they reach my other devices as a `chat_settings` frame (live or on sync). ' +
      'Muted: no push notifications until `mutedUntil`. Pinned chats lead my chat list; archived ' +
      'ones are left out of it unless `?archived=true`.',
    request: { params: chatIdParam, ...body(chatSettingsPatch) },
    responses: { 200: json(chatSettings, 'My settings of the chat now'), ...errors(400, 401, 404) },
  },
  {
    method: 'post',
    path: '/v1/devices',
    summary: 'Register a push target (Web Push subscription, APNs or FCM token)',
    description:
      'Idempotent: the same endpoint or token again answers 200 with the same id. At most 10 per ' +
      'user (422). 422 as well when the platform is not configured on this server.',
    request: body(registerDeviceBody),
    responses: {
      200: json(device, 'Already registered: the same device'),
      201: json(device, 'Registered'),
      ...errors(400, 401, 422),
    },
  },
  {
    method: 'get',
    path: '/v1/devices',
    summary: 'My push targets',
    responses: { 200: json(deviceList, 'My devices'), ...errors(401) },
  },
  {
    method: 'delete',
    path: '/v1/devices/{id}',
    summary: 'Remove one of my push targets',
    request: { params: z.object({ id: z.string() }) },
    responses: { 204: { description: 'Removed' }, ...errors(401, 404) },
  },
  {
    method: 'get',
    path: '/v1/push/vapid-key',
    summary: 'The VAPID public key browsers subscribe with (applicationServerKey)',
    public: true,
    responses: { 200: json(vapidKey, 'The key'), ...errors(404) },
  },
];

let cached: ReturnType<OpenApiGeneratorV31['generateDocument']> | undefined;

export function openApiDocument() {
  if (cached) return cached;
  const registry = new OpenAPIRegistry();
  const bearer = registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    bearerFormat: 'JWT',
  });
  for (const { public: isPublic, ...route } of routes) {
    registry.registerPath({ ...route, ...(isPublic ? {} : { security: [{ [bearer.name]: [] }] }) });
  }
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Chat-X API',
      version: '1.0.0',
      description:
        'REST API of the Chat-X server. Real-time traffic uses the WebSocket protocol in docs/protocol.md.',
    },
    servers: [{ url: '/' }],
  });
  return cached;
}
