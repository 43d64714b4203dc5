// Chat-X web client: plain TypeScript and the DOM, on the same typed client the tests use.
import { renderReset } from './account.js';
import { api, clearSession, describe, REFRESH_KEY, refresh, session } from './api.js';
import { renderAuth } from './auth.js';
import { listHooks, renderChatList, setFilter } from './chat-list.js';
import { settingsHooks } from './chat-settings.js';
import {
  hooks,
  renderConversation,
  renderHeader,
  renderMenu,
  renderMessages,
  setLoadError,
  startReply,
} from './conversation.js';
import { h } from './dom.js';
import { infoHooks, renderGroupInfo } from './group-info.js';
import { confirmDelivered, ensureHistory, markRead } from './history.js';
import { invitationHooks, renderInvitations } from './invitations.js';
import { inviteHooks } from './invites.js';
import { connect, hide, liveHooks, onMessage } from './live.js';
import { extraHooks } from './message-extras.js';
import { messageHooks, showError } from './message-view.js';
import { newGroupForm } from './new-group.js';
import { notifyControl, openFromNotifications } from './notify.js';
import { disablePush } from './push.js';
import { safetyHooks } from './safety.js';
import { searchAsYouType } from './search.js';
import { shortcuts } from './shortcuts.js';
import { loadSafety, sidebarExtras } from './sidebar-extras.js';
import { type Chat, chats, loaded, messages, nameOf, state } from './state.js';

const app = document.getElementById('app') as HTMLElement;

const showAuth = (error = '', notice = '') => renderAuth(app, start, { error, notice });

// ---------- main ----------
async function start(): Promise<void> {
  const page = await api<{ chats: Chat[] }>('/v1/chats?limit=50&archived=true');
  for (const c of page.chats) chats.set(c.id, c);
  await loadSafety();
  renderLayout(await sidebarExtras());
  renderInvitations();
  confirmDelivered();
  connect();
  openFromNotifications((id) => {
    if (chats.has(id)) void open(id);
  });
  // Access tokens live 15 minutes: refresh ahead of time.
  setInterval(() => void refresh(), 10 * 60_000);
}

/** Per chat, the latest reload started: an older one answered after it is stale (dropped). */
const reloads = new Map<string, number>();

async function reloadChat(chatId: string): Promise<void> {
  const n = (reloads.get(chatId) ?? 0) + 1;
  reloads.set(chatId, n);
  try {
    const chat = await api<Chat>(`/v1/chats/${chatId}`);
    if (reloads.get(chatId) !== n) return; // a later change started a newer reload
    const known = chats.get(chatId);
    // My own unread count is the one this page keeps (it knows what I have read since).
    if (known) chat.unreadCount = Math.min(chat.unreadCount, known.unreadCount);
    chats.set(chatId, chat);
  } catch {
    return; // gone, or unreachable: the next change or reconnect tries again
  }
  renderChatList();
  if (chatId === state.active) {
    renderHeader();
    renderGroupInfo();
  }
}

function dropChat(chatId: string): void {
  chats.delete(chatId);
  messages.delete(chatId);
  loaded.delete(chatId);
  if (state.active === chatId) back();
  else renderChatList();
}

// ---------- layout ----------
function renderLayout(extras: HTMLElement[] = []): void {
  const search = h('input', {
    id: 'search',
    type: 'search',
    placeholder: 'Search chats or find people',
    autocomplete: 'off',
    'aria-describedby': 'search-error',
  }) as HTMLInputElement;
  const results = h('ul', { class: 'results', 'aria-label': 'People found', 'aria-live': 'polite' });
  const error = h('p', { class: 'error', id: 'search-error', role: 'alert' });
  const finder = searchAsYouType({
    input: search,
    results,
    error,
    onQuery: setFilter,
    render: (users) =>
      users
        .filter((u) => u.id !== session?.user.id)
        .map((u) =>
          h(
            'li',
            {},
            nameOf(u),
            h(
              'button',
              { type: 'button', onclick: () => void startDirect(u.id, error) },
              `Message ${nameOf(u)}`,
            ),
          ),
        ),
  });
  app.replaceChildren(
    h(
      'div',
      { class: `layout${state.active ? ' open' : ''}${state.infoOpen ? ' info' : ''}` },
      h(
        'nav',
        { class: 'sidebar', 'aria-label': 'Chats' },
        h(
          'header',
          {},
          h('h1', {}, 'Chat-X'),
          h('span', { class: 'me' }, session?.user.userName ?? ''),
          h('button', { type: 'button', onclick: signOut }, 'Sign out'),
        ),
        h(
          'div',
          { class: 'tools' },
          h(
            'form',
            {
              role: 'search',
              onsubmit: (e: Event) => {
                e.preventDefault();
                finder.now();
              },
            },
            h('label', { for: 'search' }, 'Find people'),
            search,
          ),
          error,
          results,
          notifyControl(),
          ...extras,
          newGroupForm((chat) => {
            chats.set(chat.id, chat);
            void open(chat.id);
          }),
        ),
        h('ul', { class: 'chats', id: 'chat-list', 'aria-label': 'Your chats' }),
      ),
      h('section', { class: 'conversation', id: 'conversation', 'aria-label': 'Conversation' }),
      h('aside', { class: 'info', id: 'info', 'aria-labelledby': 'info-title', hidden: true }),
    ),
  );
  renderChatList();
  renderConversation();
  renderGroupInfo();
}

async function startDirect(userId: string, line: HTMLElement): Promise<void> {
  try {
    const chat = await api<Chat>('/v1/chats', { body: { type: 'direct', userId } });
    chats.set(chat.id, chat);
    await open(chat.id);
  } catch (x) {
    line.textContent = `Could not start the chat: ${describe(x)}`;
  }
}

async function open(chatId: string): Promise<void> {
  if (state.active !== chatId) state.infoOpen = false;
  state.active = chatId;
  const layout = document.querySelector('.layout');
  layout?.classList.add('open');
  layout?.classList.toggle('info', state.infoOpen);
  setLoadError('');
  renderChatList();
  renderConversation();
  renderGroupInfo();
  let failed = false;
  try {
    await ensureHistory(chatId);
  } catch (x) {
    setLoadError(`Could not load this chat: ${describe(x)}`);
    failed = true;
  }
  if (state.active !== chatId) return;
  // The history fills the message list only: the composer (its text, error and focus) may be in use.
  if (failed) renderConversation();
  else renderMessages('bottom');
  markRead(chatId);
  renderChatList();
}

/** To the chat list (on phones the list and the conversation take turns); the sidebar stays as typed. */
function back(): void {
  state.active = undefined;
  state.infoOpen = false;
  document.querySelector('.layout')?.classList.remove('open', 'info');
  renderChatList();
  renderConversation();
  renderGroupInfo();
}

function toggleInfo(): void {
  state.infoOpen = !state.infoOpen;
  document.querySelector('.layout')?.classList.toggle('info', state.infoOpen);
  document.getElementById('info-button')?.setAttribute('aria-expanded', String(state.infoOpen));
  renderGroupInfo();
  if (state.infoOpen) (document.querySelector('#info button, #info input') as HTMLElement | null)?.focus();
}

async function signOut(): Promise<void> {
  const token = session?.refreshToken;
  state.client?.close();
  await disablePush().catch(() => {}); // before the session goes: it unregisters this device
  clearSession();
  if (token) await api('/v1/auth/logout', { body: { refreshToken: token }, auth: false }).catch(() => {});
  location.reload();
}

hooks.back = back;
hooks.info = toggleInfo;
listHooks.open = (id) => void open(id);
messageHooks.changed = onMessage;
messageHooks.hidden = (m) => hide(m.chatId, m.id);
messageHooks.reply = startReply;
extraHooks.changed = onMessage;
extraHooks.failed = (m, message) => showError(m, message, () => renderMessages('keep'));
infoHooks.changed = (chat) => {
  const known = chats.get(chat.id);
  if (known) chat.unreadCount = known.unreadCount;
  chats.set(chat.id, chat);
  renderChatList();
  renderHeader();
  renderGroupInfo();
};
infoHooks.left = dropChat;
const joined = (chat: Chat) => {
  chats.set(chat.id, chat);
  void open(chat.id);
};
inviteHooks.joined = joined;
invitationHooks.accepted = joined;
safetyHooks.changed = () => {
  if (state.active) renderMenu();
};
settingsHooks.changed = (chat) => {
  renderChatList();
  if (chat.id === state.active) renderMenu();
};
infoHooks.close = toggleInfo;
liveHooks.reloadChat = (id) => void reloadChat(id);
// Back online: a chat whose history could not be loaded tries again.
liveHooks.ready = () => {
  if (state.active && !loaded.has(state.active)) void open(state.active);
};
liveHooks.removed = dropChat;
// Away longer than the server keeps changes: what is on screen may be stale, so start afresh.
liveHooks.expired = () => location.reload();
liveHooks.signedOut = () => showAuth('Your session ended, please sign in again.');
shortcuts({
  open: (id) => void open(id),
  back,
  focusSearch: () => document.getElementById('search')?.focus(),
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && state.active) {
    markRead(state.active);
    renderChatList();
  }
});

// A reload keeps you signed in: the stored refresh token opens a new session.
void (async () => {
  const resetToken = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/reset' && resetToken)
    return renderReset(app, resetToken, (m) => showAuth('', m));
  if (localStorage.getItem(REFRESH_KEY) && (await refresh())) {
    const me = await api<{ id: string; userName: string }>('/v1/users/me');
    if (session) session.user = me;
    await start();
  } else {
    showAuth();
  }
})();
