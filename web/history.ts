import type { Message } from '../src/client/index.js';
import { api } from './api.js';
import { chats, hasOlder, loaded, me, messagesOf, remember, state } from './state.js';

// A chat's history over REST: the newest page when first opened (merged with whatever arrived
// live before), older pages on scrolling up; and moving my read marker to the newest message.

const PAGE = 30;

type Page = { messages: Message[]; hasMore: boolean };

/** Loads the newest page once per chat; messages that arrived live before are merged in. */
export async function ensureHistory(chatId: string): Promise<void> {
  if (loaded.has(chatId)) return;
  const page = await api<Page>(`/v1/chats/${chatId}/messages?limit=${PAGE}`);
  for (const m of page.messages) remember(m);
  hasOlder.set(chatId, page.hasMore);
  loaded.add(chatId);
}

/** Loads the page before the oldest message on hand. */
export async function loadOlder(chatId: string): Promise<void> {
  const oldest = [...messagesOf(chatId).keys()].sort()[0];
  const page = await api<Page>(
    `/v1/chats/${chatId}/messages?limit=${PAGE}${oldest ? `&before=${oldest}` : ''}`,
  );
  for (const m of page.messages) remember(m);
  hasOlder.set(chatId, page.hasMore);
}

/** The chat's messages in order (ids are ULIDs: sorting by id is the chat's order). */
export function ordered(chatId: string): Message[] {
  return [...messagesOf(chatId).values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/**
 * Moves my read marker to the chat's newest message (never backwards), over the socket when it
 * is up and over REST otherwise, so a read made during an outage still counts.
 */
export function markRead(chatId: string): void {
  const chat = chats.get(chatId);
  const newest = ordered(chatId).at(-1);
  const mine = chat?.members.find((m) => m.userId === me());
  if (!chat || !newest || !mine) return;
  chat.unreadCount = 0;
  chat.mentionCount = 0;
  if (mine.lastReadId !== undefined && mine.lastReadId >= newest.id) return;
  mine.lastReadId = newest.id;
  if (state.client?.ready) state.client.read(chatId, newest.id);
  else
    void api(`/v1/chats/${chatId}/read`, { body: { messageId: newest.id } }).catch(() => {
      mine.lastReadId = undefined; // try again on the next chance
    });
}

/**
 * The chat list just loaded: its newest messages from others reached this device, so the senders
 * get their second tick (the socket client confirms only what arrives live or in a sync).
 */
export function confirmDelivered(): void {
  for (const chat of chats.values()) {
    const last = chat.lastMessage;
    const mine = chat.members.find((m) => m.userId === me());
    if (!last || !mine || last.senderId === me()) continue;
    const got = [mine.lastDeliveredId ?? '', mine.lastReadId ?? ''].sort().at(-1) ?? '';
    if (got >= last.id) continue;
    mine.lastDeliveredId = last.id;
    void api(`/v1/chats/${chat.id}/delivered`, { body: { messageId: last.id } }).catch(() => {
      mine.lastDeliveredId = undefined; // the next load tries again
    });
  }
}
