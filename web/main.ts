// Chat-X web client: plain TypeScript and the DOM, on the same typed client the tests use.
import { ChatClient, type Message, type SocketLike } from '../src/client/index.js';
import { renderReset, requestReset } from './account.js';
import { api, clearSession, REFRESH_KEY, refresh, type Session, session, setSession } from './api.js';
import {
  hooks,
  loadOlder,
  renderConversation,
  renderHeader,
  renderMessages,
  renderTyping,
} from './conversation.js';
import { h } from './dom.js';
import { type Chat, chats, chatTitle, messages, online, pending, state, typing } from './state.js';

const app = document.getElementById('app') as HTMLElement;
const banner = document.getElementById('banner') as HTMLElement;

// ---------- auth screen ----------
function renderAuth(error = '', notice = ''): void {
  const email = h('input', { id: 'email', type: 'email', autocomplete: 'email', required: true });
  const password = h('input', {
    id: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const userName = h('input', { id: 'userName', autocomplete: 'username' });
  const err = h('p', { class: 'error', role: 'alert' }, error);
  const info = h('p', { class: 'notice', role: 'status' }, notice);
  const forgot = async () => {
    try {
      info.textContent = await requestReset((email as HTMLInputElement).value);
    } catch (x) {
      err.textContent = x instanceof Error ? x.message : String(x);
    }
  };
  const submit = (mode: 'login' | 'signup') => async (e: Event) => {
    e.preventDefault();
    const body: Record<string, string> = {
      email: (email as HTMLInputElement).value,
      password: (password as HTMLInputElement).value,
    };
    if (mode === 'signup') body.userName = (userName as HTMLInputElement).value;
    try {
      setSession(await api<Session>(`/v1/auth/${mode}`, { body, auth: false }));
      await start();
    } catch (x) {
      err.textContent = x instanceof Error ? x.message : String(x);
    }
  };
  app.replaceChildren(
    h(
      'form',
      { class: 'auth', 'aria-labelledby': 'auth-title', onsubmit: submit('login') },
      h('h1', { id: 'auth-title' }, 'Chat-X'),
      h('label', { for: 'email' }, 'Email'),
      email,
      h('label', { for: 'password' }, 'Password'),
      password,
      h('label', { for: 'userName' }, 'User name (to sign up)'),
      userName,
      err,
      info,
      h(
        'div',
        { class: 'row' },
        h('button', { type: 'submit', class: 'primary' }, 'Sign in'),
        h('button', { type: 'button', onclick: submit('signup') }, 'Sign up'),
      ),
      h('button', { type: 'button', class: 'link', onclick: forgot }, 'Forgot password?'),
    ),
  );
  email.focus();
}

// ---------- main ----------
async function start(): Promise<void> {
  const page = await api<{ chats: Chat[] }>('/v1/chats?limit=50');
  for (const c of page.chats) chats.set(c.id, c);
  renderLayout();
  connect();
  // Access tokens live 15 minutes: refresh ahead of time.
  setInterval(() => void refresh(), 10 * 60_000);
}

function connect(): void {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/v1/ws`;
  // The chat list was just loaded: the first sync only takes the current token; every reconnect
  // then replays what changed meanwhile (edits, deletes, renames, members) as live frames.
  const client = new ChatClient({
    url,
    token: () => session?.accessToken ?? '',
    connect: (u) => new WebSocket(u) as unknown as SocketLike,
  });
  client.on('ready', () => {
    banner.hidden = true;
  });
  client.on('synced', () => {
    document.body.dataset.synced = 'true'; // caught up (tests and styles can wait for it)
  });
  client.on('close', (e) => {
    banner.hidden = !e.willReconnect;
  });
  client.on('message', (m) => onMessage(m));
  client.on('ack', (a) => {
    pending.delete(a.clientMsgId);
    onMessage(a.message);
  });
  client.on('frame', (f) => {
    if (f.type === 'message_updated' || f.type === 'message_deleted') onMessage(f.message);
    else if (f.type === 'presence') {
      online.set(f.userId, { online: f.online, ...(f.lastSeenAt ? { lastSeenAt: f.lastSeenAt } : {}) });
      renderHeader();
    } else if (f.type === 'typing') {
      typing.set(f.chatId, { userId: f.userId, until: Date.now() + 3_000 });
      renderTyping();
      setTimeout(renderTyping, 3_100);
    } else if (f.type === 'read') {
      const m = chats.get(f.chatId)?.members.find((x) => x.userId === f.userId);
      if (m) m.lastReadId = f.messageId;
      if (f.chatId === state.active) renderMessages(false);
    } else if (f.type === 'member_removed' && f.userId === session?.user.id) {
      chats.delete(f.chatId);
      if (state.active === f.chatId) state.active = undefined;
      renderLayout();
    } else if (['member_added', 'member_removed', 'member_updated', 'chat_updated'].includes(f.type))
      void reloadChat((f as { chatId: string }).chatId);
  });
  // Away longer than the server keeps changes: what is on screen may be stale, so start afresh.
  client.on('expired', () => location.reload());
  state.client = client;
  void client.open().catch(() => renderAuth('Your session ended, please sign in again.'));
}

async function reloadChat(chatId: string): Promise<void> {
  chats.set(chatId, await api<Chat>(`/v1/chats/${chatId}`));
  renderChatList();
  if (chatId === state.active) renderHeader();
}

/** A deletion is final; otherwise the later edit wins. */
const isOlder = (m: Message, than: Message) =>
  (than.deleted === true && !m.deleted) || (than.updatedAt ?? '') > (m.updatedAt ?? '');

function onMessage(m: Message): void {
  let list = messages.get(m.chatId);
  if (!list) {
    list = new Map();
    messages.set(m.chatId, list);
  }
  const known = list.get(m.id);
  // A replay can carry an older version than one already shown live: keep the newest.
  if (known && isOlder(m, known)) return;
  const isNew = !known;
  list.set(m.id, m);
  const chat = chats.get(m.chatId);
  if (!chat) {
    void reloadChat(m.chatId);
    return;
  }
  // Only messages past what the list already counted are new unread ones (a sync may replay).
  const newer = !chat.lastMessage || chat.lastMessage.id < m.id;
  if (newer || chat.lastMessage?.id === m.id) {
    chat.lastMessage = m;
    chat.lastActivityAt = m.createdAt;
  }
  if (isNew && newer && m.senderId !== session?.user.id && m.chatId !== state.active && !m.deleted)
    chat.unreadCount += 1;
  if (m.chatId === state.active) {
    renderMessages(true);
    if (m.senderId !== session?.user.id) state.client?.read(m.chatId, m.id);
  }
  renderChatList();
}

// ---------- layout ----------
function renderLayout(): void {
  const search = h('input', { id: 'search', type: 'search', placeholder: 'userName or email' });
  const results = h('ul', { class: 'results', 'aria-label': 'Search results' });
  const doSearch = async (e: Event) => {
    e.preventDefault();
    const q = (search as HTMLInputElement).value.trim();
    if (!q) return;
    const { users } = await api<{ users: { id: string; userName: string }[] }>(
      `/v1/users?query=${encodeURIComponent(q)}`,
    );
    results.replaceChildren(
      ...users
        .filter((u) => u.id !== session?.user.id)
        .map((u) =>
          h(
            'li',
            {},
            u.userName,
            h('button', { type: 'button', onclick: () => void startDirect(u.id) }, `Message ${u.userName}`),
          ),
        ),
    );
  };
  const groupName = h('input', { id: 'group-name' });
  const groupMembers = h('input', { id: 'group-members', placeholder: 'userNames, comma-separated' });
  const createGroup = async (e: Event) => {
    e.preventDefault();
    const names = (groupMembers as HTMLInputElement).value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const ids: string[] = [];
    for (const n of names) {
      const { users } = await api<{ users: { id: string; userName: string }[] }>(
        `/v1/users?query=${encodeURIComponent(n)}`,
      );
      const match = users.find((u) => u.userName.toLowerCase() === n.toLowerCase());
      if (match) ids.push(match.id);
    }
    const chat = await api<Chat>('/v1/chats', {
      body: {
        type: 'group',
        name: (groupName as HTMLInputElement).value,
        memberIds: ids,
        addPolicy: 'admins',
      },
    });
    chats.set(chat.id, chat);
    void open(chat.id);
  };
  app.replaceChildren(
    h(
      'div',
      { class: `layout${state.active ? ' open' : ''}` },
      h(
        'nav',
        { class: 'sidebar', 'aria-label': 'Chats' },
        h(
          'header',
          {},
          h('h1', {}, 'Chat-X'),
          h('span', {}, session?.user.userName ?? ''),
          h('button', { type: 'button', onclick: signOut }, 'Sign out'),
        ),
        h(
          'div',
          { class: 'tools' },
          h(
            'form',
            { role: 'search', onsubmit: doSearch },
            h('label', { for: 'search' }, 'Find people'),
            search,
          ),
          results,
          h(
            'details',
            {},
            h('summary', {}, 'New group'),
            h(
              'form',
              { onsubmit: createGroup },
              h('label', { for: 'group-name' }, 'Group name'),
              groupName,
              h('label', { for: 'group-members' }, 'Members'),
              groupMembers,
              h('button', { type: 'submit', class: 'primary' }, 'Create group'),
            ),
          ),
        ),
        h('ul', { class: 'chats', id: 'chat-list' }),
      ),
      h('section', { class: 'conversation', id: 'conversation', 'aria-label': 'Conversation' }),
    ),
  );
  renderChatList();
  renderConversation();
}

function renderChatList(): void {
  const list = document.getElementById('chat-list');
  if (!list) return;
  const sorted = [...chats.values()].sort((a, b) => (a.lastActivityAt < b.lastActivityAt ? 1 : -1));
  list.replaceChildren(
    ...sorted.map((c) =>
      h(
        'li',
        {},
        h(
          'button',
          {
            type: 'button',
            'aria-current': c.id === state.active ? 'true' : 'false',
            'data-chat': c.id,
            onclick: () => void open(c.id),
          },
          h('strong', {}, chatTitle(c)),
          c.unreadCount > 0 &&
            h('span', { class: 'badge', 'aria-label': `${c.unreadCount} unread` }, String(c.unreadCount)),
          h(
            'span',
            { class: 'last' },
            c.lastMessage
              ? c.lastMessage.deleted
                ? 'Message deleted'
                : (c.lastMessage.text ?? '')
              : 'No messages yet',
          ),
        ),
      ),
    ),
  );
}

async function startDirect(userId: string): Promise<void> {
  const chat = await api<Chat>('/v1/chats', { body: { type: 'direct', userId } });
  chats.set(chat.id, chat);
  await open(chat.id);
}

async function open(chatId: string): Promise<void> {
  state.active = chatId;
  document.querySelector('.layout')?.classList.add('open');
  const chat = chats.get(chatId);
  if (chat) chat.unreadCount = 0;
  if (!messages.has(chatId)) await loadOlder(chatId);
  renderChatList();
  renderConversation();
  const last = [...(messages.get(chatId)?.values() ?? [])].at(-1);
  if (last) state.client?.read(chatId, last.id);
}

async function signOut(): Promise<void> {
  const token = session?.refreshToken;
  state.client?.close();
  clearSession();
  if (token) await api('/v1/auth/logout', { body: { refreshToken: token }, auth: false }).catch(() => {});
  location.reload();
}

hooks.back = renderLayout;
hooks.message = onMessage;

// A reload keeps you signed in: the stored refresh token opens a new session.
void (async () => {
  const resetToken = new URLSearchParams(location.search).get('token');
  if (location.pathname === '/reset' && resetToken)
    return renderReset(app, resetToken, (m) => renderAuth('', m));
  if (localStorage.getItem(REFRESH_KEY) && (await refresh())) {
    const me = await api<{ id: string; userName: string }>('/v1/users/me');
    if (session) session.user = me;
    await start();
  } else {
    renderAuth();
  }
})();
