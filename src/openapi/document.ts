import { z } from 'zod';
import {
  changePasswordBody,
  loginBody,
  refreshBody,
  resetConfirmBody,
  resetRequestBody,
  sessionIdParams,
  sessionList,
  sessionResponse,
  signupBody,
} from '../auth/schemas.js';
import {
  addMemberBody,
  chat,
  chatIdSchema,
  chatPage,
  chatSettings,
  chatSettingsPatch,
  createChatBody,
  deliveredBody,
  listChatsQuery,
  readBody,
  updateChatBody,
  updateMemberBody,
} from '../chats/schemas.js';
import { device, deviceList, registerDeviceBody, vapidKey } from '../devices/schemas.js';
import { syncQuery } from '../feed/schemas.js';
import {
  deleteMessageQuery,
  editMessageBody,
  historyQuery,
  historyResponse,
  message,
  messageIdSchema,
  reactionBody,
  receiptsResponse,
  sendMessageBody,
} from '../messages/schemas.js';
import { serverFrame } from '../realtime/frames.js';
import { deleteMeBody, me, publicUser, searchQuery, updateMeBody, userIdSchema } from '../users/schemas.js';
import { body, buildOpenApi, json, type Route } from './operation.js';
import { invitedInstead, safetyRoutes } from './safety.js';

// The API reference, generated from the same zod schemas the routes validate with. One entry per
// operation: an operationId (the generated client's method name), a tag, what it returns, and in
// `codes` the catalogue codes its own rules produce. operation.ts adds the errors every route of
// its kind can answer (401 without a valid token, 400/413 for a body, 500/503, headers).

const syncPage = z
  .object({
    changes: z.array(serverFrame).describe('the same frames a connected device receives live'),
    token: z.string(),
    complete: z.boolean(),
  })
  .meta({ id: 'SyncPage' });

const chatIdParam = z.object({
  chatId: chatIdSchema.describe('g_<ULID> for groups, d_<hash> for direct chats'),
});
const memberParams = chatIdParam.extend({ userId: userIdSchema });
const messageParams = chatIdParam.extend({ messageId: messageIdSchema });

const anyDocument = z.object({}).catchall(z.unknown());

export const routes: Route[] = [
  {
    method: 'get',
    path: '/healthz',
    operationId: 'getLiveness',
    tags: ['Health'],
    summary: 'Liveness (no I/O)',
    public: true,
    responses: { 200: json(z.object({ status: z.literal('ok') }), 'Alive') },
  },
  {
    method: 'get',
    path: '/readyz',
    operationId: 'getReadiness',
    tags: ['Health'],
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
    operationId: 'signUp',
    tags: ['Auth'],
    summary: 'Create an account',
    public: true,
    request: body(signupBody),
    codes: ['conflict', 'rate_limited'],
    responses: { 201: json(sessionResponse, 'Signed up') },
  },
  {
    method: 'post',
    path: '/v1/auth/login',
    operationId: 'logIn',
    tags: ['Auth'],
    summary: 'Sign in',
    public: true,
    request: body(loginBody),
    codes: ['invalid_credentials', 'rate_limited'],
    responses: { 200: json(sessionResponse, 'Signed in') },
  },
  {
    method: 'post',
    path: '/v1/auth/refresh',
    operationId: 'refreshSession',
    tags: ['Auth'],
    summary: 'Rotate a refresh token (reuse revokes the session)',
    public: true,
    request: body(refreshBody),
    codes: ['invalid_token', 'rate_limited'],
    responses: { 200: json(sessionResponse, 'New tokens') },
  },
  {
    method: 'post',
    path: '/v1/auth/logout',
    operationId: 'logOut',
    tags: ['Auth'],
    summary: 'End the session of a refresh token',
    public: true,
    request: body(refreshBody),
    responses: { 204: { description: 'Signed out' } },
  },
  // Account controls (password, sessions, reset by email).
  {
    method: 'post',
    path: '/v1/auth/password',
    operationId: 'changePassword',
    tags: ['Auth'],
    summary: 'Change my password (ends every other session)',
    request: body(changePasswordBody),
    codes: ['invalid_credentials', 'rate_limited'],
    responses: { 204: { description: 'Changed' } },
  },
  {
    method: 'get',
    path: '/v1/auth/sessions',
    operationId: 'listSessions',
    tags: ['Auth'],
    summary: 'My sessions (sign-ins), oldest first',
    responses: { 200: json(sessionList, 'Sessions') },
  },
  {
    method: 'delete',
    path: '/v1/auth/sessions/{id}',
    operationId: 'endSession',
    tags: ['Auth'],
    summary: 'End one of my sessions everywhere',
    request: { params: sessionIdParams },
    codes: ['validation_failed', 'not_found'],
    responses: { 204: { description: 'Ended' } },
  },
  {
    method: 'post',
    path: '/v1/auth/logout-all',
    operationId: 'logOutEverywhere',
    tags: ['Auth'],
    summary: 'End all my sessions, this one included',
    responses: { 204: { description: 'Signed out everywhere' } },
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset',
    operationId: 'requestPasswordReset',
    tags: ['Auth'],
    summary: 'Mail a password-reset link (202 whether or not the email has an account)',
    public: true,
    request: body(resetRequestBody),
    codes: ['rate_limited'],
    responses: { 202: { description: 'Accepted' } },
  },
  {
    method: 'post',
    path: '/v1/auth/password-reset/confirm',
    operationId: 'confirmPasswordReset',
    tags: ['Auth'],
    summary: 'Set a new password from a reset link (ends every session)',
    public: true,
    request: body(resetConfirmBody),
    codes: ['reset_token_invalid'],
    responses: { 204: { description: 'Password set' } },
  },
  {
    method: 'get',
    path: '/v1/users/me',
    operationId: 'getMe',
    tags: ['Users'],
    summary: 'My profile',
    codes: ['not_found'],
    responses: { 200: json(me, 'Me') },
  },
  {
    method: 'patch',
    path: '/v1/users/me',
    operationId: 'updateMe',
    tags: ['Users'],
    summary:
      'Change my userName or displayName, and my privacy: lastSeen (everyone, chats: people I share a chat with messages with, nobody; reciprocal), readReceipts (false: no read markers either way in direct chats), groupAdd (nobody: adds become invitations)',
    request: body(updateMeBody),
    codes: ['conflict', 'not_found'],
    responses: { 200: json(me, 'Updated') },
  },
  {
    method: 'delete',
    path: '/v1/users/me',
    operationId: 'deleteMe',
    tags: ['Users'],
    summary:
      'Delete my account (password required): profile, email, userName and sessions go at once; I leave my groups, my direct chats become read-only, my messages stay as from a deleted account',
    request: body(deleteMeBody),
    codes: ['invalid_credentials', 'rate_limited'],
    responses: { 204: { description: 'Deleted; every session ended' } },
  },
  {
    method: 'get',
    path: '/v1/users/me/export',
    operationId: 'exportMyData',
    tags: ['Users'],
    summary: 'My data as one JSON document (profile, chats, my messages), streamed',
    codes: ['not_found'],
    responses: {
      200: json(
        z.object({
          exportedAt: z.string(),
          profile: me,
          privacy: z
            .object({
              lastSeen: z.string(),
              readReceipts: z.boolean(),
              groupAdd: z.string(),
              blocked: z.array(z.string()).describe('ids of the people I blocked'),
            })
            .optional(),
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
        'The export',
        {
          'Content-Disposition': {
            description: 'attachment; filename="chat-x-export.json"',
            schema: { type: 'string' },
          },
        },
      ),
    },
  },
  {
    method: 'get',
    path: '/v1/users',
    operationId: 'searchUsers',
    tags: ['Users'],
    summary:
      'Find users by userName prefix (3+ characters) or by exact email (only users who share a chat with me); rate-limited per user',
    request: { query: searchQuery },
    codes: ['rate_limited'],
    responses: {
      200: json(z.object({ users: z.array(publicUser) }), 'Matches (at most 20)'),
    },
  },
  {
    method: 'get',
    path: '/v1/users/{id}',
    operationId: 'getUser',
    tags: ['Users'],
    summary: 'A user',
    request: { params: z.object({ id: userIdSchema }) },
    codes: ['validation_failed', 'not_found'],
    responses: { 200: json(publicUser, 'The user') },
  },
  {
    method: 'post',
    path: '/v1/chats',
    operationId: 'createChat',
    tags: ['Chats'],
    summary: 'Start a direct chat (200 if it exists) or create a group',
    request: body(createChatBody),
    codes: ['not_found', 'unprocessable', 'blocked', 'rate_limited'],
    responses: {
      200: json(chat, 'The existing direct chat'),
      201: json(chat, 'Created'),
    },
  },
  {
    method: 'get',
    path: '/v1/chats',
    operationId: 'listChats',
    tags: ['Chats'],
    summary: 'My chats, most recent activity first',
    request: { query: listChatsQuery },
    responses: { 200: json(chatPage, 'A page of chats') },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}',
    operationId: 'getChat',
    tags: ['Chats'],
    summary: 'A chat I am in',
    request: { params: chatIdParam },
    codes: ['not_found'],
    responses: { 200: json(chat, 'The chat') },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}',
    operationId: 'updateChat',
    tags: ['Chats'],
    summary: 'Rename a group, change who may add members, or whether joins by invite link need approval',
    request: { params: chatIdParam, ...body(updateChatBody) },
    codes: ['forbidden', 'not_found', 'unprocessable'],
    responses: { 200: json(chat, 'Updated') },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/members',
    operationId: 'addMember',
    tags: ['Members'],
    summary: 'Add a member to a group',
    request: { params: chatIdParam, ...body(addMemberBody) },
    codes: ['forbidden', 'not_found', 'conflict', 'unprocessable', 'blocked', 'rate_limited'],
    responses: {
      201: json(chat, 'Added'),
      202: json(invitedInstead, 'Invited instead: they accept adds from nobody'),
    },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/members/{userId}',
    operationId: 'removeMember',
    tags: ['Members'],
    summary: 'Remove a member, or leave (my own id)',
    request: { params: memberParams },
    codes: ['validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable'],
    responses: { 204: { description: 'Removed' } },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/members/{userId}',
    operationId: 'updateMember',
    tags: ['Members'],
    summary: 'Change a member role (owner only; role=owner hands ownership over)',
    request: { params: memberParams, ...body(updateMemberBody) },
    codes: ['validation_failed', 'forbidden', 'not_found', 'conflict', 'unprocessable'],
    responses: { 200: json(chat, 'Updated') },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/read',
    operationId: 'markRead',
    tags: ['Chats'],
    summary: 'Move my read marker forward',
    request: { params: chatIdParam, ...body(readBody) },
    codes: ['not_found'],
    responses: {
      200: json(z.object({ lastReadId: z.string() }), 'Where my marker is now'),
    },
  },
  {
    method: 'post',
    path: '/v1/chats/{chatId}/messages',
    operationId: 'sendMessage',
    tags: ['Messages'],
    summary: 'Send a message (idempotent per clientMsgId)',
    request: { params: chatIdParam, ...body(sendMessageBody) },
    codes: ['forbidden', 'not_found', 'unprocessable', 'blocked', 'rate_limited'],
    responses: {
      200: json(message, 'Already stored: the original'),
      201: json(message, 'Stored'),
    },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/messages',
    operationId: 'listMessages',
    tags: ['Messages'],
    summary: 'History: before= newest first, after= oldest first',
    description:
      'At most one of `before` and `after` (both: 400 `validation_failed`); neither: the newest page. ' +
      '`hasMore` says whether another page exists in the same direction.',
    request: { params: chatIdParam, query: historyQuery },
    codes: ['not_found'],
    responses: { 200: json(historyResponse, 'A page of messages') },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    operationId: 'getMessage',
    tags: ['Messages'],
    summary: 'One message',
    request: { params: messageParams },
    codes: ['not_found'],
    responses: { 200: json(message, 'The message') },
  },
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    operationId: 'editMessage',
    tags: ['Messages'],
    summary: 'Edit my message (within EDIT_WINDOW_SECONDS of sending, else 409 edit_window_expired)',
    request: { params: messageParams, ...body(editMessageBody) },
    codes: ['forbidden', 'not_found', 'conflict', 'edit_window_expired'],
    responses: { 200: json(message, 'Edited') },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/messages/{messageId}',
    operationId: 'deleteMessage',
    tags: ['Messages'],
    summary:
      'Delete a message for everyone (leaves a tombstone; the sender within DELETE_WINDOW_SECONDS, else 409 delete_window_expired; group owners/admins any time), or with for=me hide it from my history and devices only',
    request: { params: messageParams, query: deleteMessageQuery },
    codes: ['forbidden', 'not_found', 'delete_window_expired'],
    responses: {
      200: json(message, 'The tombstone'),
      204: { description: 'Hidden for me (for=me)' },
    },
  },
  {
    method: 'get',
    path: '/v1/sync',
    operationId: 'sync',
    tags: ['Sync'],
    summary: 'Every change in my chats since a token (the WebSocket replay, without a socket)',
    description:
      'Without `since`: no changes, only the current token (a device that just loaded its state). ' +
      'With it: the frames a connected device would have received live since then, oldest first, ' +
      'at most `limit`; `complete: false` means more wait, so call again with the new token. ' +
      '400 `sync_token_invalid` for a token not issued to me; 410 `sync_expired` past 30 days.',
    request: { query: syncQuery },
    codes: ['sync_token_invalid', 'sync_expired', 'rate_limited'],
    responses: { 200: json(syncPage, 'Changes and the token to resume from') },
  },
  // The documents themselves.
  {
    method: 'get',
    path: '/v1/openapi.json',
    operationId: 'getOpenApiDocument',
    tags: ['Docs'],
    summary: 'This document (OpenAPI 3.1)',
    public: true,
    responses: { 200: json(anyDocument, 'The OpenAPI document') },
  },
  {
    method: 'get',
    path: '/v1/asyncapi.json',
    operationId: 'getAsyncApiDocument',
    tags: ['Docs'],
    summary: 'The WebSocket protocol as an AsyncAPI 3.0 document, generated from the same frame schemas',
    public: true,
    responses: { 200: json(anyDocument, 'The AsyncAPI document') },
  },
  {
    method: 'get',
    path: '/docs',
    operationId: 'getDocsPage',
    tags: ['Docs'],
    summary: 'A readable page of this document (no scripts, nothing loaded from elsewhere)',
    public: true,
    responses: { 200: { description: 'The page', content: { 'text/html': { schema: { type: 'string' } } } } },
  },
  // Receipts, reactions (issue 17).
  {
    method: 'post',
    path: '/v1/chats/{chatId}/delivered',
    operationId: 'markDelivered',
    tags: ['Chats'],
    summary: 'Move my delivered marker forward: my devices have the chat up to this message',
    request: { params: chatIdParam, ...body(deliveredBody) },
    codes: ['not_found'],
    responses: {
      200: json(z.object({ lastDeliveredId: z.string() }), 'Where my marker is now'),
    },
  },
  {
    method: 'get',
    path: '/v1/chats/{chatId}/messages/{messageId}/receipts',
    operationId: 'getMessageReceipts',
    tags: ['Messages'],
    summary: "Message info: when each member received and read my message (the sender's only)",
    request: { params: messageParams },
    codes: ['forbidden', 'not_found'],
    responses: { 200: json(receiptsResponse, 'One entry per member') },
  },
  {
    method: 'put',
    path: '/v1/chats/{chatId}/messages/{messageId}/reaction',
    operationId: 'setReaction',
    tags: ['Messages'],
    summary: 'Set my reaction (one emoji; replaces mine; idempotent)',
    request: { params: messageParams, ...body(reactionBody) },
    codes: ['not_found', 'conflict', 'rate_limited'],
    responses: { 200: json(message, 'The message with its reactions') },
  },
  {
    method: 'delete',
    path: '/v1/chats/{chatId}/messages/{messageId}/reaction',
    operationId: 'removeReaction',
    tags: ['Messages'],
    summary: 'Remove my reaction (idempotent)',
    request: { params: messageParams },
    codes: ['not_found', 'conflict', 'rate_limited'],
    responses: { 200: json(message, 'The message with its reactions') },
  },
  ...safetyRoutes,
  // Push targets and per-user chat settings (issue 18).
  {
    method: 'patch',
    path: '/v1/chats/{chatId}/settings',
    operationId: 'updateChatSettings',
    tags: ['Chats'],
    summary: 'My own settings of a chat: mute until, archive, pin (any subset)',
    description:
      'Only I see them; they reach my other devices as a `chat_settings` frame (live or on sync). ' +
      'Muted: no push notifications until `mutedUntil`. Pinned chats lead my chat list; archived ' +
      'ones are left out of it unless `?archived=true`.',
    request: { params: chatIdParam, ...body(chatSettingsPatch) },
    codes: ['not_found'],
    responses: { 200: json(chatSettings, 'My settings of the chat now') },
  },
  {
    method: 'post',
    path: '/v1/devices',
    operationId: 'registerDevice',
    tags: ['Push'],
    summary: 'Register a push target (Web Push subscription, APNs or FCM token)',
    description:
      'Idempotent: the same endpoint or token again answers 200 with the same id. At most 10 per ' +
      'user (422). 422 as well when the platform is not configured on this server.',
    request: body(registerDeviceBody),
    codes: ['unprocessable'],
    responses: {
      200: json(device, 'Already registered: the same device'),
      201: json(device, 'Registered'),
    },
  },
  {
    method: 'get',
    path: '/v1/devices',
    operationId: 'listDevices',
    tags: ['Push'],
    summary: 'My push targets',
    responses: { 200: json(deviceList, 'My devices') },
  },
  {
    method: 'delete',
    path: '/v1/devices/{id}',
    operationId: 'removeDevice',
    tags: ['Push'],
    summary: 'Remove one of my push targets',
    request: { params: z.object({ id: z.string() }) },
    codes: ['not_found'],
    responses: { 204: { description: 'Removed' } },
  },
  {
    method: 'get',
    path: '/v1/push/vapid-key',
    operationId: 'getVapidKey',
    tags: ['Push'],
    summary: 'The VAPID public key browsers subscribe with (applicationServerKey)',
    public: true,
    codes: ['not_found'],
    responses: { 200: json(vapidKey, 'The key') },
  },
];

let cached: ReturnType<typeof buildOpenApi> | undefined;

export function openApiDocument() {
  cached ??= buildOpenApi(routes);
  return cached;
}
