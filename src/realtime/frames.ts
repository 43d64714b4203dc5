import { z } from 'zod';
import { chatIdSchema } from '../chats/schemas.js';
import { syncTokenSchema } from '../feed/schemas.js';
import { invitation } from '../invitations/schemas.js';
import { joinRequest } from '../invites/schemas.js';
import { type ErrorCode, errorCatalogue } from '../lib/errors.js';
import {
  clientMsgIdSchema,
  emojiSchema,
  message,
  messageIdSchema,
  messageTextSchema,
  sendExtras,
} from '../messages/schemas.js';
import { privacySettings } from '../privacy/schemas.js';
import { plainSend } from './send-frame.js';

// The WebSocket protocol, one JSON text frame per message. docs/protocol.md mirrors this file.

export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.strictObject({
    type: z.literal('send'),
    chatId: chatIdSchema,
    clientMsgId: clientMsgIdSchema,
    text: messageTextSchema,
    /** Set when re-sending a clientMsgId that may have reached the server before. */
    retry: z.boolean().optional(),
    ...sendExtras,
  }),
  z.strictObject({
    type: z.literal('sync'),
    /** The token of the last `synced` frame; omitted on a device's first sync. */
    since: syncTokenSchema.optional(),
  }),
  z.strictObject({ type: z.literal('typing'), chatId: chatIdSchema }),
  z.strictObject({ type: z.literal('read'), chatId: chatIdSchema, messageId: messageIdSchema }),
  z.strictObject({ type: z.literal('ping') }),
  /** This device has the chat up to messageId (the typed client sends it by itself). */
  z.strictObject({ type: z.literal('delivered'), chatId: chatIdSchema, messageId: messageIdSchema }),
  /** My reaction to a message; null removes it. */
  z.strictObject({
    type: z.literal('react'),
    chatId: chatIdSchema,
    messageId: messageIdSchema,
    emoji: emojiSchema.nullable(),
  }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;
export type ClientFrameType = ClientFrame['type'];

const role = z.enum(['owner', 'admin', 'member']);

/** Every frame the server sends. Internal fields cannot reach the wire: frames are built by
 * `toFrame` (events) or by hand from these shapes, never by spreading a domain object. */
export const serverFrame = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('ready'),
    userId: z.string(),
    connectionId: z.string(),
    /** When the access token runs out: send `auth` with a fresh one before, or the socket closes 4401. */
    expiresAt: z.string(),
  }),
  /** A re-authentication (`auth` on an open socket) was accepted. */
  z.object({ type: z.literal('authed'), expiresAt: z.string() }),
  z.object({ type: z.literal('ack'), clientMsgId: z.string(), message }),
  z.object({ type: z.literal('message'), message }),
  z.object({ type: z.literal('message_updated'), message }),
  z.object({ type: z.literal('message_deleted'), message }),
  z.object({
    type: z.literal('synced'),
    /** Where the next `sync` resumes; sent after a sync and, unprompted, as a checkpoint. */
    token: z.string(),
    /** false: more changes are waiting; send `sync` again from `token`. */
    complete: z.boolean(),
  }),
  z.object({ type: z.literal('typing'), chatId: z.string(), userId: z.string() }),
  z.object({ type: z.literal('read'), chatId: z.string(), userId: z.string(), messageId: z.string() }),
  z.object({
    type: z.literal('presence'),
    userId: z.string(),
    online: z.boolean(),
    lastSeenAt: z.string().optional(),
  }),
  z.object({
    type: z.literal('chat_updated'),
    chatId: z.string(),
    name: z.string().optional(),
    addPolicy: z.string().optional(),
    approveMembers: z.boolean().optional(),
  }),
  z.object({ type: z.literal('member_added'), chatId: z.string(), userId: z.string(), role, by: z.string() }),
  z.object({ type: z.literal('member_removed'), chatId: z.string(), userId: z.string(), by: z.string() }),
  z.object({
    type: z.literal('member_updated'),
    chatId: z.string(),
    userId: z.string(),
    role,
    by: z.string(),
  }),
  z.object({
    type: z.literal('error'),
    code: z.enum(Object.keys(errorCatalogue) as [ErrorCode, ...ErrorCode[]]),
    message: z.string(),
    ref: z.string().optional(),
  }),
  /** My own settings of a chat changed (on this device or another). */
  z.object({
    type: z.literal('chat_settings'),
    chatId: z.string(),
    settings: z.object({ mutedUntil: z.string().nullable(), archived: z.boolean(), pinned: z.boolean() }),
  }),
  /** Live frames may have been missed (cross-instance fan-out was down): send `sync` now. */
  z.object({ type: z.literal('resync') }),
  z.object({ type: z.literal('pong') }),
  z.object({
    type: z.literal('delivered'),
    chatId: z.string(),
    userId: z.string(),
    messageId: z.string(),
  }),
  z.object({
    type: z.literal('reaction'),
    chatId: z.string(),
    messageId: z.string(),
    userId: z.string(),
    emoji: z.string().nullable().describe('null: the reaction was removed'),
  }),
  /** I deleted this message for myself (on another device): remove it here too. */
  z.object({ type: z.literal('message_hidden'), chatId: z.string(), messageId: z.string() }),
  // About me, to my own devices only (my personal log, feed/personal.ts).
  /** I blocked (or unblocked) this user, on one of my devices. */
  z.object({ type: z.literal('block_updated'), userId: z.string(), blocked: z.boolean() }),
  /** My privacy settings changed, on one of my devices. */
  z.object({ type: z.literal('privacy_updated'), settings: privacySettings }),
  /** Someone added me to a group; I accept adds from nobody, so it waits for my answer. */
  z.object({ type: z.literal('invitation_added'), invitation }),
  /** An invitation was answered (on one of my devices). */
  z.object({ type: z.literal('invitation_removed'), invitationId: z.string() }),
  /** To a group's owner and admins: someone asked to join it by invite link (approve or deny over REST). */
  z.object({ type: z.literal('join_requested'), chatId: z.string(), request: joinRequest }),
  /** To a group's owner and admins: a join request was approved or denied, by any of them. */
  z.object({
    type: z.literal('join_request_closed'),
    chatId: z.string(),
    userId: z.string().describe('who asked to join'),
    approved: z.boolean(),
  }),
]);

export type ServerFrame = z.infer<typeof serverFrame>;

export type ServerFrameType = ServerFrame['type'];

/** Parses one text frame; the error says what is wrong in words a client developer can act on. */
export function parseClientFrame(
  text: string,
): { ok: true; frame: ClientFrame } | { ok: false; code: ErrorCode; message: string; ref?: string } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, code: 'malformed_json', message: 'Frames must be JSON text' };
  }
  const plain = plainSend(raw);
  if (plain) return { ok: true, frame: plain };
  const result = clientFrame.safeParse(raw);
  if (result.success) return { ok: true, frame: result.data };
  const ref = refOf(raw);
  const issue = result.error.issues[0];
  const where = issue?.path.length ? `${issue.path.map(String).join('.')}: ` : '';
  const message =
    issue?.code === 'invalid_union' && where === 'type: '
      ? 'Unknown frame type'
      : `${where}${issue?.message ?? 'invalid frame'}`;
  return { ok: false, code: 'validation_failed', message, ...(ref ? { ref } : {}) };
}

// Echo the clientMsgId of a rejected send (or the messageId of another frame) so the client knows which failed.
function refOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  // A send is named by its clientMsgId; read, delivered and react by their messageId.
  const id = r.clientMsgId ?? r.messageId;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}
