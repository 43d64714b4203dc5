import type { ChatSettings, Role } from '../chats/schemas.js';
import type { Message } from '../messages/schemas.js';

// Domain events: what changed, published once it is durable. The feed stores the durable kinds
// (each at a position, `pos`, in its chat's change log) so that devices that were away replay
// them; `realtime/` maps every kind to a wire frame and carries it to connected devices.

/** A change that concerns a chat's members, kept in the chat's change log at `pos`. */
export type FeedEvent =
  /** origin: the connection that sent it; it was acked there, so it gets no copy. */
  | { type: 'message'; chatId: string; pos: string; message: Message; origin?: string }
  | { type: 'message_updated'; chatId: string; pos: string; message: Message }
  | { type: 'message_deleted'; chatId: string; pos: string; message: Message }
  | { type: 'chat_updated'; chatId: string; pos: string; name?: string; addPolicy?: string }
  | { type: 'member_added'; chatId: string; pos: string; userId: string; role: Role; by: string }
  | { type: 'member_removed'; chatId: string; pos: string; userId: string; by: string }
  | { type: 'member_updated'; chatId: string; pos: string; userId: string; role: Role; by: string }
  | { type: 'read'; chatId: string; pos: string; userId: string; messageId: string }
  /** Per user: only `userId`'s own devices receive or replay it. */
  | { type: 'chat_settings'; chatId: string; pos: string; userId: string; settings: ChatSettings };

/** Ephemeral: delivered to whoever is connected now, never stored or replayed. */
export type EphemeralEvent =
  | { type: 'typing'; chatId: string; userId: string }
  /** Addressed to the chats the user is in: their peers are the ones who may see it. */
  | { type: 'presence'; userId: string; online: boolean; lastSeenAt?: string; chatIds: string[] };

export type ChatEvent = FeedEvent | EphemeralEvent;

export const isFeedEvent = (e: ChatEvent): e is FeedEvent => 'pos' in e;

export interface Publisher {
  publish(event: ChatEvent): void;
}
