import type { ChatSettings, Role } from '../chats/schemas.js';
import type { Invitation } from '../invitations/schemas.js';
import type { Message } from '../messages/schemas.js';
import type { PrivacySettings } from '../privacy/schemas.js';

// Domain events: what changed, published once it is durable. The feed stores the durable kinds
// (each at a position, `pos`, in its chat's change log) so that devices that were away replay
// them; `realtime/` maps every kind to a wire frame and carries it to connected devices.

/** A change that concerns a chat's members, kept in the chat's change log at `pos`. */
export type FeedEvent =
  /** origin: the connection that sent it; it was acked there, so it gets no copy. */
  | { type: 'message'; chatId: string; pos: string; message: Message; origin?: string }
  | { type: 'message_updated'; chatId: string; pos: string; message: Message }
  | { type: 'message_deleted'; chatId: string; pos: string; message: Message }
  | {
      type: 'chat_updated';
      chatId: string;
      pos: string;
      name?: string;
      addPolicy?: string;
      approveMembers?: boolean;
    }
  | { type: 'member_added'; chatId: string; pos: string; userId: string; role: Role; by: string }
  | { type: 'member_removed'; chatId: string; pos: string; userId: string; by: string }
  | { type: 'member_updated'; chatId: string; pos: string; userId: string; role: Role; by: string }
  /** A member's devices received the chat up to messageId (forward only; `read` implies it too). */
  | { type: 'delivered'; chatId: string; pos: string; userId: string; messageId: string }
  /** Kept as the message's rev (like an edit): a replay carries it as the message's current state. */
  | {
      type: 'reaction';
      chatId: string;
      pos: string;
      messageId: string;
      userId: string;
      emoji: string | null;
    }
  /** Delete for me: only userId's devices hear of it, live and in their replay. */
  | { type: 'message_hidden'; chatId: string; pos: string; userId: string; messageId: string }
  | { type: 'read'; chatId: string; pos: string; userId: string; messageId: string; ownDevicesOnly?: boolean }
  // In the user's personal log (feed/personal.ts): they reach only that user's devices.
  | { type: 'block_updated'; chatId: string; pos: string; userId: string; targetId: string; blocked: boolean }
  | { type: 'privacy_updated'; chatId: string; pos: string; userId: string; settings: PrivacySettings }
  | { type: 'invitation_added'; chatId: string; pos: string; userId: string; invitation: Invitation }
  | { type: 'invitation_removed'; chatId: string; pos: string; userId: string; invitationId: string }
  /** To a group's owner and admins (userId): someone asked to join groupId by invite link. */
  | {
      type: 'join_requested';
      chatId: string;
      pos: string;
      userId: string;
      groupId: string;
      request: { userId: string; userName: string; displayName?: string; requestedAt: string };
    }
  /** To a group's owner and admins: a join request was approved or denied (by any of them). */
  | {
      type: 'join_request_closed';
      chatId: string;
      pos: string;
      userId: string;
      groupId: string;
      requesterId: string;
      approved: boolean;
    }
  /** Per user: only `userId`'s own devices receive or replay it. */
  | { type: 'chat_settings'; chatId: string; pos: string; userId: string; settings: ChatSettings };

/** Ephemeral: delivered to whoever is connected now, never stored or replayed. */
export type EphemeralEvent =
  | { type: 'typing'; chatId: string; userId: string }
  /** Addressed to the chats the user is in: their peers are the ones who may see it. */
  | {
      type: 'presence';
      userId: string;
      online: boolean;
      lastSeenAt?: string;
      chatIds: string[];
    };

export type ChatEvent = FeedEvent | EphemeralEvent;

export const isFeedEvent = (e: ChatEvent): e is FeedEvent => 'pos' in e;

export interface Publisher {
  publish(event: ChatEvent): void;
}
