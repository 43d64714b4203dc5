import { partitionOf } from '../messages/buckets.js';
import { hiddenFor, toMessage } from '../messages/items.js';
import type { Message } from '../messages/schemas.js';
import type { FeedEvent } from './events.js';

// Each chat's change log lives in the history table, in the chat's bucket partitions (see
// db/tables.ts): a new message is an entry at its id (LSI byId); an edit, delete or reaction is
// also a ref item at its position (sk "~<pos>"); every other change is an
// item of its own at its position, written in the same transaction as the
// change it records, so the log and the state never disagree. One item may hold several events
// made by one action (a group created with its members): they share its position.

/** How long the feed can replay; a sync token older than this is expired. */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;

export type LoggedChange = Exclude<
  FeedEvent,
  { type: 'message' | 'message_updated' | 'message_deleted' | 'reaction' }
>;

type Stored = Omit<LoggedChange, 'chatId' | 'pos'>;

// Kept a day past retention, so a token at the edge never finds a hole.
const logExpiry = () => Math.floor((Date.now() + RETENTION_MS) / 1000) + 86_400;

/** The stored form of changes made together at `pos` (a Put into the history table). */
export function changeItem(chatId: string, pos: string, events: readonly LoggedChange[]) {
  const changes: Stored[] = events.map(({ chatId: _c, pos: _p, ...rest }) => rest);
  return { pk: partitionOf(chatId, pos), sk: `~${pos}`, chatId, pos, changes, expiresAt: logExpiry() };
}

/** The log entry of a change to a message at `pos` (edit, delete, reaction): read as its current state. */
export function refItem(chatId: string, pos: string, messageId: string, messageKey: string) {
  return {
    pk: partitionOf(chatId, pos),
    sk: `~${pos}`,
    chatId,
    pos,
    ref: messageId,
    refKey: messageKey,
    expiresAt: logExpiry(),
  };
}

/** An entry of the log as read back: a message in its current state, or recorded changes. */
export type LogEntry =
  /** hiddenFor: users who deleted it for themselves (their replay leaves it out). */
  | { kind: 'message'; pos: string; message: Message; hiddenFor: string[] }
  | { kind: 'change'; pos: string; events: LoggedChange[] };

/** An item of the log, at `pos`: a message (at its id, or a resolved ref's position), or a change's. */
export function toLogEntry(item: Record<string, unknown>, pos: string): LogEntry {
  if (typeof item.id === 'string')
    return { kind: 'message', pos, message: toMessage(item), hiddenFor: hiddenFor(item) };
  const chatId = item.chatId as string;
  const events = (item.changes as Stored[]).map((c) => ({ ...c, chatId, pos }) as LoggedChange);
  return { kind: 'change', pos, events };
}
