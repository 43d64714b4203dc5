import type { ChatClient, Message } from '../src/client/index.js';
import { session } from './api.js';

// What the web client knows, shared by the chat list (main.ts) and the open conversation.

export interface Member {
  userId: string;
  userName: string;
  role: string;
  lastReadId?: string;
}
export interface Chat {
  id: string;
  type: 'direct' | 'group';
  name?: string;
  members: Member[];
  lastMessage: Message | null;
  unreadCount: number;
  lastActivityAt: string;
}

/** The live client once signed in, and the open chat. */
export const state: { client?: ChatClient; active?: string } = {};
export const chats = new Map<string, Chat>();
export const messages = new Map<string, Map<string, Message>>();
export const pending = new Map<string, { chatId: string; text: string; clientMsgId: string }>();
export const online = new Map<string, { online: boolean; lastSeenAt?: string }>();
export const typing = new Map<string, { userId: string; until: number }>();
export const hasOlder = new Map<string, boolean>();

export function chatTitle(c: Chat): string {
  if (c.type === 'group') return c.name ?? 'Group';
  return c.members.find((m) => m.userId !== session?.user.id)?.userName ?? 'Direct chat';
}
