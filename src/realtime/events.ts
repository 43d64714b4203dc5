import type { Role } from '../chats/schemas.js';
import type { Message } from '../messages/schemas.js';

// Everything that changes a chat, as published after it is durable. The hub turns these into
// frames for the chat's members; the Redis bus carries them between instances.
export type ChatEvent =
  /** origin: the connection that sent it; it was acked there, so it gets no copy. */
  | { type: 'message'; chatId: string; message: Message; origin?: string }
  | { type: 'message_updated'; chatId: string; message: Message }
  | { type: 'message_deleted'; chatId: string; message: Message }
  | { type: 'chat_updated'; chatId: string; name?: string; addPolicy?: string }
  | { type: 'member_added'; chatId: string; userId: string; role: Role; by: string }
  | { type: 'member_removed'; chatId: string; userId: string; by: string }
  | { type: 'member_updated'; chatId: string; userId: string; role: Role; by: string }
  | { type: 'read'; chatId: string; userId: string; messageId: string }
  | { type: 'typing'; chatId: string; userId: string }
  /** Addressed to the chats the user is in: their peers are the ones who may see it. */
  | { type: 'presence'; userId: string; online: boolean; lastSeenAt?: string; chatIds: string[] };

export interface Publisher {
  publish(event: ChatEvent): void;
}
