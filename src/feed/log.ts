import type { Message } from '../messages/schemas.js';
import { hiddenFor, toMessage } from '../messages/store.js';
import type { FeedEvent } from './events.js';

// Each chat's change log lives in the messages table, in the chat's own partition (see
// db/tables.ts): a new message is an entry at its id (LSI byId); an edited or deleted one is also
// an entry at rev, the position of its latest edit or delete (LSI byRev); every other change is an
// item of its own (byRev), written in the same transaction as the
// change it records, so the log and the state never disagree. One item may hold several events
// made by one action (a group created with its members): they share its position.

/** How long the feed can replay; a sync token older than this is expired. */
export const RETENTION_MS = 30 * 24 * 3600 * 1000;

export type LoggedChange = Exclude<
  FeedEvent,
  { type: 'message' | 'message_updated' | 'message_deleted' | 'reaction' }
>;

type Stored = Omit<LoggedChange, 'chatId' | 'pos'>;

/** The stored form of changes made together at `pos` (a Put into the messages table). */
export function changeItem(chatId: string, pos: string, events: readonly LoggedChange[]) {
  const changes: Stored[] = events.map(({ chatId: _c, pos: _p, ...rest }) => rest);
  // Kept a day past retention, so a token at the edge never finds a hole.
  return {
    chatId,
    msgKey: `~${pos}`,
    rev: pos,
    changes,
    expiresAt: Math.floor((Date.now() + RETENTION_MS) / 1000) + 86_400,
  };
}

/** An entry of the log as read back: a message in its current state, or recorded changes. */
export type LogEntry =
  /** hiddenFor: users who deleted it for themselves (their replay leaves it out). */
  | { kind: 'message'; pos: string; message: Message; hiddenFor: string[] }
  | { kind: 'change'; pos: string; events: LoggedChange[] };

/** An item of either log, at `pos`: a message's id (created) or its rev (edited), or a change's. */
export function toLogEntry(item: Record<string, unknown>, pos: string): LogEntry {
  if (typeof item.id === 'string')
    return { kind: 'message', pos, message: toMessage(item), hiddenFor: hiddenFor(item) };
  const chatId = item.chatId as string;
  const events = (item.changes as Stored[]).map((c) => ({ ...c, chatId, pos }) as LoggedChange);
  return { kind: 'change', pos, events };
}
