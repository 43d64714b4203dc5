import { ulidFloor, ulidTime } from '../lib/ids.js';
import type { MessageService } from '../messages/service.js';
import type { Connection } from './connection.js';
import { encodeFrame } from './wire.js';

export interface SyncOptions {
  /** Messages replayed per chat before the client is told to page the rest over REST. */
  limitPerChat: number;
  /**
   * Replay starts this long before the cursor's time. 0 on one instance; with several, ids from
   * different instances can become visible slightly out of order, and the overlap catches them
   * (the client drops what it has by id).
   */
  overlapMs: number;
}

const START = '0'.repeat(26);
const PAGE = 100;
const PARALLEL_CHATS = 4;

/**
 * Catch-up: every message after each cursor, per chat in order, then `synced`. The connection is
 * already in its rooms when this runs, so anything committed meanwhile arrives live: nothing can
 * fall between replay and live delivery, at worst a message comes twice (same id).
 */
export async function runSync(
  conn: Connection,
  cursors: Record<string, string>,
  deps: { messages: MessageService; opts: SyncOptions },
): Promise<void> {
  // Every chat is read: activity records are written lazily and may lag, so they cannot prove
  // that a chat has nothing new.
  const todo = [...conn.chats];
  const complete: Record<string, boolean> = {};
  for (let i = 0; i < todo.length; i += PARALLEL_CHATS) {
    const group = todo.slice(i, i + PARALLEL_CHATS);
    const results = await Promise.all(group.map((chatId) => readAfter(chatId, cursors[chatId], deps)));
    // Frames go out chat by chat, each chat's in order.
    group.forEach((chatId, j) => {
      const r = results[j];
      if (!r || !conn.chats.has(chatId)) return; // removed from the chat while reading
      for (const data of r.frames) conn.write(data);
      complete[chatId] = r.complete;
    });
  }
  conn.send({ type: 'synced', complete });
}

async function readAfter(
  chatId: string,
  cursor: string | undefined,
  deps: { messages: MessageService; opts: SyncOptions },
): Promise<{ frames: Buffer[]; complete: boolean }> {
  let after = cursor ? withOverlap(cursor, deps.opts.overlapMs) : START;
  const frames: Buffer[] = [];
  for (;;) {
    const room = deps.opts.limitPerChat - frames.length;
    const page = await deps.messages.historyAsMember(chatId, { after, limit: Math.min(PAGE, room) });
    for (const message of page.messages) frames.push(encodeFrame({ type: 'message', message }));
    const last = page.messages.at(-1);
    if (!page.hasMore || !last) return { frames, complete: true };
    if (frames.length >= deps.opts.limitPerChat) return { frames, complete: false };
    after = last.id;
  }
}

function withOverlap(cursor: string, overlapMs: number): string {
  if (overlapMs <= 0) return cursor;
  const t = ulidTime(cursor);
  return t === undefined ? cursor : ulidFloor(t - overlapMs);
}
