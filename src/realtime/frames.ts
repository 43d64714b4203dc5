import { z } from 'zod';
import { chatIdSchema, type Role } from '../chats/schemas.js';
import type { ErrorCode } from '../lib/errors.js';
import { clientMsgIdSchema, type Message, messageIdSchema, messageTextSchema } from '../messages/schemas.js';

// The WebSocket protocol, one JSON text frame per message. docs/protocol.md mirrors this file.

/** At most this many chats in one sync frame's cursors (a user's chats beyond it sync from the start). */
export const MAX_SYNC_CURSORS = 1000;

export const clientFrame = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('auth'), token: z.string().min(1).max(4096) }),
  z.strictObject({
    type: z.literal('send'),
    chatId: chatIdSchema,
    clientMsgId: clientMsgIdSchema,
    text: messageTextSchema,
    /** Set when re-sending a clientMsgId that may have reached the server before. */
    retry: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('sync'),
    cursors: z
      .record(chatIdSchema, messageIdSchema)
      .default({})
      .refine((c) => Object.keys(c).length <= MAX_SYNC_CURSORS, `at most ${MAX_SYNC_CURSORS} cursors`),
  }),
  z.strictObject({ type: z.literal('typing'), chatId: chatIdSchema }),
  z.strictObject({ type: z.literal('read'), chatId: chatIdSchema, messageId: messageIdSchema }),
  z.strictObject({ type: z.literal('ping') }),
]);

export type ClientFrame = z.infer<typeof clientFrame>;
export type ClientFrameType = ClientFrame['type'];

export type ServerFrame =
  | { type: 'ready'; userId: string; connectionId: string }
  | { type: 'ack'; clientMsgId: string; message: Message }
  | { type: 'message'; message: Message }
  | { type: 'message_updated'; message: Message }
  | { type: 'message_deleted'; message: Message }
  | { type: 'synced'; complete: Record<string, boolean> }
  | { type: 'typing'; chatId: string; userId: string }
  | { type: 'read'; chatId: string; userId: string; messageId: string }
  | { type: 'presence'; userId: string; online: boolean; lastSeenAt?: string }
  | { type: 'chat_updated'; chatId: string; name?: string; addPolicy?: string }
  | { type: 'member_added'; chatId: string; userId: string; role: Role; by: string }
  | { type: 'member_removed'; chatId: string; userId: string; by: string }
  | { type: 'member_updated'; chatId: string; userId: string; role: Role; by: string }
  | { type: 'error'; code: ErrorCode; message: string; ref?: string }
  /** Live frames may have been missed (cross-instance fan-out was down): send `sync` now. */
  | { type: 'resync' }
  | { type: 'pong' };

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

// Echo the clientMsgId of a rejected send so the client knows which message failed.
function refOf(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const id = (raw as Record<string, unknown>).clientMsgId;
  return typeof id === 'string' && id.length <= 64 ? id : undefined;
}
