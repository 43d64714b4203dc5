import { ChatClient, type Message, type ServerFrame, type SocketLike } from '../src/client/index.js';
import { session } from './api.js';
import { renderChatList } from './chat-list.js';
import { applySettings } from './chat-settings.js';
import { renderHeader, renderMenu, renderMessages, renderTyping } from './conversation.js';
import { renderGroupInfo } from './group-info.js';
import { invitations, renderInvitations } from './invitations.js';
import { applyReaction } from './message-extras.js';
import { applyPrivacy } from './privacy.js';
import { blocked, safetyHooks } from './safety.js';
import { chats, me, messagesOf, online, pending, remember, rememberSeen, state, typing } from './state.js';

// The socket: live frames and, after every reconnect, the replay of what changed meanwhile
// (edits, deletes, renames, members, reads) — all applied the same way.

export const liveHooks = {
  /** The socket is (back) up. */
  ready: (): void => {},
  /** A chat changed in a way only a fresh copy shows (members, roles, name): refetch it. */
  reloadChat: (_chatId: string): void => {},
  /** I was removed from a chat (or left it on another device). */
  removed: (_chatId: string): void => {},
  /** The server no longer has what changed since this page loaded: start afresh. */
  expired: (): void => {},
  /** The session ended: sign in again. */
  signedOut: (): void => {},
};

const banner = () => document.getElementById('banner') as HTMLElement;

export function connect(): void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws`;
  // The chat list was just loaded: the first sync only takes the current token; every reconnect
  // then replays what changed meanwhile as live frames.
  const client = new ChatClient({
    url,
    token: () => session?.accessToken ?? '',
    connect: (u) => new WebSocket(u) as unknown as SocketLike,
  });
  client.on('ready', () => {
    state.connected = true;
    banner().hidden = true;
    renderHeader();
    liveHooks.ready();
  });
  client.on('synced', () => {
    document.body.dataset.synced = 'true'; // caught up (tests and styles can wait for it)
  });
  client.on('close', (e) => {
    state.connected = false;
    banner().hidden = !e.willReconnect;
    // Presence is unknown while away: nobody shows "online" on a stale word.
    for (const [id, p] of online) if (p.online) online.set(id, { online: false });
    renderHeader();
    renderGroupInfo();
    if (!e.willReconnect && e.code === 4401) liveHooks.signedOut();
  });
  client.on('message', (m) => onMessage(m));
  client.on('ack', (a) => {
    pending.delete(a.clientMsgId);
    onMessage(a.message);
  });
  client.on('frame', onFrame);
  client.on('expired', () => liveHooks.expired());
  state.client = client;
  void client.open().catch(() => liveHooks.signedOut());
}

function onFrame(f: ServerFrame): void {
  switch (f.type) {
    case 'message_updated':
    case 'message_deleted':
      onMessage(f.message);
      break;
    case 'presence':
      online.set(f.userId, { online: f.online, ...(f.lastSeenAt ? { lastSeenAt: f.lastSeenAt } : {}) });
      if (f.lastSeenAt) rememberSeen(f.userId, f.lastSeenAt);
      renderHeader();
      renderGroupInfo();
      break;
    case 'typing':
      typing.set(f.chatId, { userId: f.userId, until: Date.now() + 3_000 });
      renderTyping();
      renderChatList();
      setTimeout(() => {
        renderTyping();
        renderChatList();
      }, 3_100);
      break;
    case 'read':
      onRead(f.chatId, f.userId, f.messageId);
      break;
    case 'delivered':
      onDelivered(f.chatId, f.userId, f.messageId);
      break;
    case 'reaction': {
      const m = messagesOf(f.chatId).get(f.messageId);
      if (!m) break;
      messagesOf(f.chatId).set(m.id, applyReaction(m, f.userId, f.emoji));
      if (f.chatId === state.active) renderMessages('keep');
      break;
    }
    case 'block_updated':
      if (f.blocked) blocked.add(f.userId);
      else blocked.delete(f.userId);
      safetyHooks.changed();
      break;
    case 'privacy_updated':
      applyPrivacy(f.settings);
      break;
    case 'invitation_added':
      invitations.set(f.invitation.id, f.invitation);
      renderInvitations();
      break;
    case 'invitation_removed':
      invitations.delete(f.invitationId);
      renderInvitations();
      break;
    case 'chat_settings':
      applySettings(f.chatId, f.settings);
      break;
    case 'message_hidden':
      hide(f.chatId, f.messageId);
      break;
    case 'member_removed':
      if (f.userId === me()) liveHooks.removed(f.chatId);
      else liveHooks.reloadChat(f.chatId);
      break;
    case 'member_added':
    case 'member_updated':
    case 'chat_updated':
      liveHooks.reloadChat(f.chatId);
      break;
    // To admins: the group's pending requests changed (an open invite panel lists them anew).
    case 'join_requested':
    case 'join_request_closed':
      if (f.chatId === state.active) renderMenu();
      break;
  }
}

function onRead(chatId: string, userId: string, messageId: string): void {
  const chat = chats.get(chatId);
  const m = chat?.members.find((x) => x.userId === userId);
  if (!chat || !m) return;
  if (m.lastReadId === undefined || m.lastReadId < messageId) m.lastReadId = messageId;
  // Read on another of my devices: the badge goes there too.
  if (userId === me() && chat.lastMessage && chat.lastMessage.id <= messageId) {
    chat.unreadCount = 0;
    chat.mentionCount = 0;
    renderChatList();
  }
  if (chatId === state.active) renderMessages('keep');
}

function onDelivered(chatId: string, userId: string, messageId: string): void {
  const m = chats.get(chatId)?.members.find((x) => x.userId === userId);
  if (!m) return;
  if (m.lastDeliveredId === undefined || m.lastDeliveredId < messageId) m.lastDeliveredId = messageId;
  if (chatId === state.active) renderMessages('keep');
}

/** Deleted for me (here or on another of my devices): gone from this one. */
export function hide(chatId: string, messageId: string): void {
  // My chat list's last message: the one before it is now (the server knows which).
  if (chats.get(chatId)?.lastMessage?.id === messageId) liveHooks.reloadChat(chatId);
  if (!messagesOf(chatId).delete(messageId)) return;
  if (chatId === state.active) renderMessages('keep');
}

export function onMessage(m: Message): void {
  const list = chats.get(m.chatId);
  const isNew = !messagesOf(m.chatId).has(m.id);
  if (!remember(m)) return;
  if (!list) {
    liveHooks.reloadChat(m.chatId);
    return;
  }
  // The sender stopped typing: their message is here.
  if (isNew && typing.get(m.chatId)?.userId === m.senderId) typing.delete(m.chatId);
  // Only messages past what the list already counted are new unread ones (a sync may replay).
  const newer = !list.lastMessage || list.lastMessage.id < m.id;
  if (newer || list.lastMessage?.id === m.id) {
    list.lastMessage = m;
    list.lastActivityAt = m.createdAt;
  }
  const fromOther = m.senderId !== me();
  const seeing = m.chatId === state.active && document.visibilityState === 'visible';
  if (isNew && newer && fromOther && !seeing && !m.deleted) {
    list.unreadCount += 1;
    if (m.mentions?.includes(me() ?? '')) list.mentionCount = (list.mentionCount ?? 0) + 1;
  }
  if (m.chatId === state.active) {
    renderTyping();
    renderMessages(fromOther ? 'arrived' : 'bottom', isNew && fromOther ? 1 : 0);
  }
  renderChatList();
}
