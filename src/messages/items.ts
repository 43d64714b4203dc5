import type { Message } from './schemas.js';

// How a message item reads back (messages/store.ts writes it).

// Per-member state on the message item itself, one attribute per member, so that setting one
// never needs the others (and a map that may not exist yet): "r#<userId>" = their reaction,
// "h#<userId>" = they deleted it for themselves.
export const reactionAttr = (userId: string) => `r#${userId}`;
export const hiddenAttr = (userId: string) => `h#${userId}`;

/** Users who deleted this message item for themselves. */
export function hiddenFor(item: Record<string, unknown>): string[] {
  return Object.keys(item)
    .filter((k) => k.startsWith('h#'))
    .map((k) => k.slice(2));
}

export function toMessage(item: Record<string, unknown>): Message {
  return {
    id: item.id as string,
    chatId: item.chatId as string,
    senderId: item.senderId as string,
    clientMsgId: item.clientMsgId as string,
    ...(typeof item.text === 'string' ? { text: item.text } : {}),
    createdAt: item.createdAt as string,
    ...(typeof item.updatedAt === 'string' ? { updatedAt: item.updatedAt } : {}),
    ...(item.deleted === true ? { deleted: true as const } : {}),
    ...(isQuote(item.replyTo) ? { replyTo: item.replyTo } : {}),
    ...(Array.isArray(item.mentions) && item.mentions.length > 0
      ? { mentions: item.mentions as string[] }
      : {}),
    ...reactionsOf(item),
  };
}

const isQuote = (q: unknown): q is NonNullable<Message['replyTo']> =>
  typeof q === 'object' && q !== null && typeof (q as { id?: unknown }).id === 'string';

/** "r#<userId>" attributes → { emoji: [userIds] }, absent when nobody reacted. */
function reactionsOf(item: Record<string, unknown>): { reactions?: Record<string, string[]> } {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(item)) {
    if (!k.startsWith('r#') || typeof v !== 'string') continue;
    const users = out[v] ?? [];
    users.push(k.slice(2));
    out[v] = users;
  }
  for (const users of Object.values(out)) users.sort();
  return Object.keys(out).length > 0 ? { reactions: out } : {};
}
