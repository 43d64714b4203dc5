import type { ChatEvent } from '../feed/events.js';
import type { ServerFrame } from './frames.js';

/**
 * The one mapping from domain events to wire frames. Each case names the fields that go out, so
 * a field added to an event (a position, an origin connection) stays internal unless added here.
 */
export function toFrame(e: ChatEvent): ServerFrame {
  switch (e.type) {
    case 'message':
    case 'message_updated':
    case 'message_deleted':
      return { type: e.type, message: e.message };
    case 'chat_updated':
      return {
        type: e.type,
        chatId: e.chatId,
        ...(e.name ? { name: e.name } : {}),
        ...(e.addPolicy ? { addPolicy: e.addPolicy } : {}),
        ...(e.approveMembers !== undefined ? { approveMembers: e.approveMembers } : {}),
      };
    case 'member_added':
    case 'member_updated':
      return { type: e.type, chatId: e.chatId, userId: e.userId, role: e.role, by: e.by };
    case 'member_removed':
      return { type: e.type, chatId: e.chatId, userId: e.userId, by: e.by };
    case 'read':
      return { type: e.type, chatId: e.chatId, userId: e.userId, messageId: e.messageId };
    case 'typing':
      return { type: e.type, chatId: e.chatId, userId: e.userId };
    case 'delivered':
      return { type: e.type, chatId: e.chatId, userId: e.userId, messageId: e.messageId };
    case 'reaction':
      return { type: e.type, chatId: e.chatId, messageId: e.messageId, userId: e.userId, emoji: e.emoji };
    case 'message_hidden':
      return { type: e.type, chatId: e.chatId, messageId: e.messageId };
    case 'block_updated':
      return { type: e.type, userId: e.targetId, blocked: e.blocked };
    case 'privacy_updated':
      return { type: e.type, settings: e.settings };
    case 'invitation_added':
      return { type: e.type, invitation: e.invitation };
    case 'invitation_removed':
      return { type: e.type, invitationId: e.invitationId };
    case 'join_requested':
      return { type: e.type, chatId: e.groupId, request: e.request };
    case 'join_request_closed':
      return { type: e.type, chatId: e.groupId, userId: e.requesterId, approved: e.approved };
    case 'chat_settings':
      return {
        type: e.type,
        chatId: e.chatId,
        settings: {
          mutedUntil: e.settings.mutedUntil,
          archived: e.settings.archived,
          pinned: e.settings.pinned,
        },
      };
    case 'presence':
      return {
        type: e.type,
        userId: e.userId,
        online: e.online,
        ...(e.lastSeenAt ? { lastSeenAt: e.lastSeenAt } : {}),
      };
  }
}
