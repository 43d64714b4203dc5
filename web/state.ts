import type { ChatClient, Message } from '../src/client/index.js';
import { session } from './api.js';

// What the web client knows, shared by the chat list, the open conversation and the live socket.

export interface Member {
  userId: string;
  userName: string;
  displayName?: string;
  role: 'owner' | 'admin' | 'member';
  lastReadId?: string;
  lastDeliveredId?: string;
}
export interface ChatSettings {
  mutedUntil: string | null;
  archived: boolean;
  pinned: boolean;
}
export interface Chat {
  id: string;
  type: 'direct' | 'group';
  name?: string;
  addPolicy?: 'anyone' | 'admins';
  /** Joins by invite link wait for an admin's approval. */
  approveMembers?: boolean;
  members: Member[];
  lastMessage: Message | null;
  unreadCount: number;
  lastActivityAt: string;
  deliveredUpTo?: string;
  readUpTo?: string;
  mentionCount?: number;
  settings?: ChatSettings;
}
export interface Pending {
  chatId: string;
  text: string;
  clientMsgId: string;
  replyTo?: string;
}

/** The live client once signed in, the open chat, and whether the socket is up. */
export const state: { client?: ChatClient; active?: string; connected: boolean; infoOpen: boolean } = {
  connected: false,
  infoOpen: false,
};
export const chats = new Map<string, Chat>();
/** Per chat, the messages on hand by id (the newest page and whatever arrived or was paged in). */
export const messages = new Map<string, Map<string, Message>>();
/** Chats whose newest page has been loaded over REST (live arrivals alone are not history). */
export const loaded = new Set<string>();
export const hasOlder = new Map<string, boolean>();
export const pending = new Map<string, Pending>();
export const online = new Map<string, { online: boolean; lastSeenAt?: string }>();

// The server tells who is online on connect, not when the others were last seen: this browser
// keeps the times it heard, so "last seen" survives a reload (a new device learns it live).
const SEEN_KEY = 'chatx.lastSeen';
const SEEN_MAX = 500;

export function rememberSeen(userId: string, at: string): void {
  const all = { ...readSeen(), [userId]: at };
  const kept = Object.entries(all)
    .sort((a, b) => (a[1] < b[1] ? 1 : -1))
    .slice(0, SEEN_MAX);
  localStorage.setItem(SEEN_KEY, JSON.stringify(Object.fromEntries(kept)));
}

function readSeen(): Record<string, string> {
  try {
    const v = JSON.parse(localStorage.getItem(SEEN_KEY) ?? '{}');
    return v && typeof v === 'object' ? v : {};
  } catch {
    return {};
  }
}

/** Presence as last heard: live, else the last-seen time this browser remembers. */
export function presenceOf(userId: string): { online: boolean; lastSeenAt?: string } {
  const live = online.get(userId);
  if (live?.online || live?.lastSeenAt) return live;
  const at = readSeen()[userId];
  return at ? { online: false, lastSeenAt: at } : { online: false };
}
export const typing = new Map<string, { userId: string; until: number }>();
/** What was typed into each chat's composer and not yet sent. */
export const drafts = new Map<string, string>();
/** Per chat, the message the composer replies to. */
export const replying = new Map<string, Message>();

export const me = (): string | undefined => session?.user.id;

export function chatTitle(c: Chat): string {
  if (c.type === 'group') return c.name ?? 'Group';
  const other = c.members.find((m) => m.userId !== me());
  return other ? nameOf(other) : 'Direct chat';
}

export const nameOf = (m: { userName: string; displayName?: string }) => m.displayName || m.userName;

export function memberName(chat: Chat, userId: string): string {
  const m = chat.members.find((x) => x.userId === userId);
  return m ? nameOf(m) : 'someone';
}

export function messagesOf(chatId: string): Map<string, Message> {
  let list = messages.get(chatId);
  if (!list) {
    list = new Map();
    messages.set(chatId, list);
  }
  return list;
}

/** A deletion is final; otherwise the later edit wins. */
export const isOlder = (m: Message, than: Message) =>
  (than.deleted === true && !m.deleted) || (than.updatedAt ?? '') > (m.updatedAt ?? '');

/** Keeps the newest version of a message; true when it was stored (new or newer). */
export function remember(m: Message): boolean {
  const list = messagesOf(m.chatId);
  const known = list.get(m.id);
  if (known && isOlder(m, known)) return false;
  list.set(m.id, m);
  return true;
}

/** Who is typing in a chat right now, if anyone. */
export function typist(chatId: string): string | undefined {
  const t = typing.get(chatId);
  if (!t || t.until <= Date.now()) return undefined;
  const chat = chats.get(chatId);
  return chat ? memberName(chat, t.userId) : undefined;
}
