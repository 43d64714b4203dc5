import type { Message } from '../src/client/index.js';
import { api, session } from './api.js';
import { h } from './dom.js';
import { type Chat, chats, chatTitle, hasOlder, messages, online, pending, state, typing } from './state.js';

// The open conversation: its header, messages (pending → sent → read), typing line and composer.

/** What the conversation asks of the rest of the app; main.ts fills these in. */
export const hooks = {
  back: (): void => {},
  message: (_m: Message): void => {},
};

export async function loadOlder(chatId: string): Promise<void> {
  const list = messages.get(chatId) ?? new Map<string, Message>();
  messages.set(chatId, list);
  const oldest = [...list.keys()].sort()[0];
  const page = await api<{ messages: Message[]; hasMore: boolean }>(
    `/v1/chats/${chatId}/messages?limit=30${oldest ? `&before=${oldest}` : ''}`,
  );
  for (const m of page.messages) list.set(m.id, m);
  hasOlder.set(chatId, page.hasMore);
}

export function renderConversation(): void {
  const pane = document.getElementById('conversation');
  if (!pane) return;
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!chat) {
    pane.replaceChildren(h('p', { class: 'empty' }, 'Pick a chat, or find someone to talk to.'));
    return;
  }
  const input = h('textarea', {
    id: 'composer',
    'aria-label': 'Message',
    placeholder: 'Write a message',
  }) as HTMLTextAreaElement;
  const send = (e: Event) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = '';
    const clientMsgId = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    pending.set(clientMsgId, { chatId: chat.id, text, clientMsgId });
    renderMessages(true);
    void state.client?.send(chat.id, text, clientMsgId).catch(() => {
      pending.delete(clientMsgId);
      renderMessages(false);
    });
  };
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) send(e);
  });
  input.addEventListener('input', () => state.client?.typing(chat.id));
  const list = h('ol', { class: 'messages', id: 'messages', 'aria-live': 'polite', tabindex: '0' });
  list.addEventListener('scroll', () => {
    if (list.scrollTop === 0 && hasOlder.get(chat.id)) {
      const before = list.scrollHeight;
      void loadOlder(chat.id).then(() => {
        renderMessages(false);
        list.scrollTop = list.scrollHeight - before;
      });
    }
  });
  pane.replaceChildren(
    h(
      'header',
      {},
      h(
        'button',
        {
          type: 'button',
          class: 'back',
          onclick: () => {
            state.active = undefined;
            hooks.back();
          },
        },
        'Back',
      ),
      h('h2', {}, chatTitle(chat)),
      h('span', { class: 'presence', id: 'presence' }),
    ),
    list,
    h('div', { class: 'typing', id: 'typing', 'aria-live': 'polite' }),
    h(
      'form',
      { class: 'composer', onsubmit: send },
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Send'),
    ),
  );
  renderHeader();
  renderMessages(true);
  input.focus();
}

export function renderHeader(): void {
  const el = document.getElementById('presence');
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!el || !chat) return;
  const other = chat.type === 'direct' ? chat.members.find((m) => m.userId !== session?.user.id) : undefined;
  if (!other) {
    el.textContent = `${chat.members.length} members`;
    return;
  }
  const p = online.get(other.userId);
  if (p?.online) el.replaceChildren(h('span', { class: 'dot', 'aria-hidden': 'true' }), 'online');
  else el.textContent = p?.lastSeenAt ? `last seen ${new Date(p.lastSeenAt).toLocaleTimeString()}` : '';
}

export function renderTyping(): void {
  const el = document.getElementById('typing');
  const active = state.active;
  if (!el || !active) return;
  const t = typing.get(active);
  const who =
    t && t.until > Date.now()
      ? chats.get(active)?.members.find((m) => m.userId === t.userId)?.userName
      : undefined;
  el.textContent = who ? `${who} is typing…` : '';
}

/** Pending → sent (acked) → read by someone else. */
function tick(chat: Chat, m: Message): string {
  const read = chat.members.some(
    (x) => x.userId !== session?.user.id && x.lastReadId !== undefined && x.lastReadId >= m.id,
  );
  return read ? '✓✓ read' : '✓ sent';
}

export function renderMessages(scroll: boolean): void {
  const list = document.getElementById('messages');
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!list || !chat) return;
  const me = session?.user.id;
  const sorted = [...(messages.get(chat.id)?.values() ?? [])].sort((a, b) => (a.id < b.id ? -1 : 1));
  const items = sorted.map((m) => {
    const mine = m.senderId === me;
    const sender = chat.members.find((x) => x.userId === m.senderId)?.userName ?? '';
    return h(
      'li',
      { class: `msg${mine ? ' mine' : ''}${m.deleted ? ' deleted' : ''}`, 'data-id': m.id },
      !mine && chat.type === 'group' && h('div', { class: 'meta' }, sender),
      h('div', { class: 'text' }, m.deleted ? 'Message deleted' : (m.text ?? '')),
      h(
        'div',
        { class: 'meta' },
        m.updatedAt && !m.deleted ? 'edited' : '',
        new Date(m.createdAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }),
        mine && !m.deleted && h('span', { class: 'tick' }, tick(chat, m)),
        mine && !m.deleted && h('button', { type: 'button', onclick: () => void edit(m) }, 'Edit'),
        mine && !m.deleted && h('button', { type: 'button', onclick: () => void remove(m) }, 'Delete'),
      ),
    );
  });
  const waiting = [...pending.values()]
    .filter((p) => p.chatId === chat.id)
    .map((p) =>
      h(
        'li',
        { class: 'msg mine pending' },
        h('div', { class: 'text' }, p.text),
        h('div', { class: 'meta' }, h('span', { class: 'tick' }, '🕓 sending')),
      ),
    );
  list.replaceChildren(...items, ...waiting);
  if (scroll) list.scrollTop = list.scrollHeight;
}

async function edit(m: Message): Promise<void> {
  const text = window.prompt('Edit message', m.text ?? '');
  if (text === null || !text.trim()) return;
  hooks.message(
    await api<Message>(`/v1/chats/${m.chatId}/messages/${m.id}`, { method: 'PATCH', body: { text } }),
  );
}

async function remove(m: Message): Promise<void> {
  if (!window.confirm('Delete this message for everyone?')) return;
  hooks.message(await api<Message>(`/v1/chats/${m.chatId}/messages/${m.id}`, { method: 'DELETE' }));
}
