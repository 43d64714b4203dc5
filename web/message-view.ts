import type { Message } from '../src/client/index.js';
import { api, describe } from './api.js';
import { h, linkify } from './dom.js';
import { clock, dayLabel, sameDay } from './format.js';
import { quote, reactions, tick } from './message-extras.js';
import { type Chat, me, memberName, type Pending, replying } from './state.js';

// One message as a list item: sender (groups), text with links, and its meta line (edited, time,
// ticks, actions), the quote it replies to, its reactions; delete for me or for everyone.

export const DELETED = 'This message was deleted';

/** What a message view asks of the app: to take a changed message in. */
export const messageHooks = {
  changed: (_m: Message): void => {},
  /** Deleted for me: gone from this device (the others hear `message_hidden`). */
  hidden: (_m: Message): void => {},
  /** Reply to it: the composer shows its quote. */
  reply: (_m: Message): void => {},
};

/** Deletes for everyone by the sender are allowed this long after sending (DELETE_WINDOW_SECONDS). */
const DELETE_WINDOW_MS = 172_800_000;

/** Per message id, an edit in progress (its text survives re-renders) and the last error. */
const editing = new Map<string, string>();
const confirming = new Set<string>();
const errors = new Map<string, string>();

export function daySeparator(iso: string): HTMLElement {
  return h('li', { class: 'day' }, h('span', {}, dayLabel(iso)));
}

/** The items of a conversation: day separators between days, then each message. */
export function messageItems(chat: Chat, list: Message[], onEdit: () => void): HTMLElement[] {
  const out: HTMLElement[] = [];
  let prev: Message | undefined;
  for (const m of list) {
    if (!prev || !sameDay(prev.createdAt, m.createdAt)) out.push(daySeparator(m.createdAt));
    out.push(messageItem(chat, m, onEdit));
    prev = m;
  }
  return out;
}

export function pendingItem(p: Pending): HTMLElement {
  return h(
    'li',
    { class: 'msg mine pending' },
    h('div', { class: 'text', dir: 'auto' }, ...linkify(p.text)),
    h('div', { class: 'meta' }, h('span', { class: 'tick', title: 'Sending' }, '🕓 sending')),
  );
}

function messageItem(chat: Chat, m: Message, rerender: () => void): HTMLElement {
  const mine = m.senderId === me();
  const myRole = chat.members.find((x) => x.userId === me())?.role;
  const admin = chat.type === 'group' && myRole !== 'member';
  const young = Date.now() - Date.parse(m.createdAt) < DELETE_WINDOW_MS;
  const forEveryone = !m.deleted && ((mine && young) || admin);
  const draft = editing.get(m.id);
  if (m.deleted) editing.delete(m.id); // deleted meanwhile (say, on another device): nothing to edit
  const error = errors.get(m.id);
  const body = draft !== undefined && !m.deleted ? editor(m, draft, rerender) : text(m);
  const actions: (HTMLElement | false)[] = confirming.has(m.id)
    ? [
        h('span', {}, 'Delete?'),
        h('button', { type: 'button', onclick: () => void remove(m, rerender, true) }, 'Delete for me'),
        forEveryone &&
          h('button', { type: 'button', onclick: () => void remove(m, rerender) }, 'Delete for everyone'),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              confirming.delete(m.id);
              rerender();
            },
          },
          'Keep',
        ),
      ]
    : [
        !m.deleted && h('button', { type: 'button', onclick: () => messageHooks.reply(m) }, 'Reply'),
        mine &&
          !m.deleted &&
          draft === undefined &&
          h('button', { type: 'button', onclick: () => startEdit(m, rerender) }, 'Edit'),
        h(
          'button',
          {
            type: 'button',
            onclick: () => {
              confirming.add(m.id);
              rerender();
            },
          },
          'Delete',
        ),
      ];
  return h(
    'li',
    { class: `msg${mine ? ' mine' : ''}${m.deleted ? ' deleted' : ''}`, 'data-id': m.id },
    !mine && chat.type === 'group' && h('div', { class: 'sender' }, memberName(chat, m.senderId)),
    quote(chat, m),
    body,
    reactions(m, rerender),
    h(
      'div',
      { class: 'meta' },
      ...spaced([
        m.updatedAt && !m.deleted ? h('span', { class: 'edited' }, 'edited') : false,
        h('time', { datetime: m.createdAt }, clock(m.createdAt)),
        mine && !m.deleted && tick(chat, m),
        ...actions,
      ]),
    ),
    error ? h('p', { class: 'error', role: 'alert' }, error) : false,
  );
}

/** Spaces between the meta line's parts, so it reads "edited 10:42", not "edited10:42". */
function spaced(parts: (HTMLElement | false)[]): (HTMLElement | string)[] {
  const kept = parts.filter((p): p is HTMLElement => p !== false);
  return kept.flatMap((p, i) => (i === 0 ? [p] : [' ', p]));
}

function text(m: Message): HTMLElement {
  return m.deleted
    ? h('div', { class: 'text', dir: 'auto' }, DELETED)
    : h('div', { class: 'text', dir: 'auto' }, ...linkify(m.text ?? ''));
}

function startEdit(m: Message, rerender: () => void): void {
  editing.set(m.id, m.text ?? '');
  rerender();
  const box = document.getElementById(`edit-${m.id}`) as HTMLTextAreaElement | null;
  box?.focus();
  box?.setSelectionRange(box.value.length, box.value.length);
}

function editor(m: Message, draft: string, rerender: () => void): HTMLElement {
  const box = h('textarea', {
    id: `edit-${m.id}`,
    class: 'edit',
    'aria-label': 'Edit message',
    dir: 'auto',
  }) as HTMLTextAreaElement;
  box.value = draft;
  box.addEventListener('input', () => editing.set(m.id, box.value));
  const cancel = () => {
    editing.delete(m.id);
    errors.delete(m.id);
    rerender();
  };
  const save = async (e: Event) => {
    e.preventDefault();
    const text = box.value.trim();
    if (!text) return showFailure(m, 'A message cannot be empty; delete it instead.', rerender);
    if (text === m.text) return cancel();
    try {
      const saved = await api<Message>(`/v1/chats/${m.chatId}/messages/${m.id}`, {
        method: 'PATCH',
        body: { text },
      });
      editing.delete(m.id);
      errors.delete(m.id);
      messageHooks.changed(saved);
    } catch (x) {
      showFailure(m, `Not saved: ${describe(x)}`, rerender);
    }
  };
  box.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && !e.shiftKey) void save(e);
    else if (e.key === 'Escape') cancel();
  });
  return h(
    'form',
    { class: 'edit-form', onsubmit: (e: Event) => void save(e) },
    box,
    h('button', { type: 'submit', class: 'primary' }, 'Save'),
    h('button', { type: 'button', onclick: cancel }, 'Cancel'),
  );
}

function showFailure(m: Message, message: string, rerender: () => void): void {
  errors.set(m.id, message);
  rerender();
  document.getElementById(`edit-${m.id}`)?.focus();
}

async function remove(m: Message, rerender: () => void, forMe = false): Promise<void> {
  confirming.delete(m.id);
  const path = `/v1/chats/${m.chatId}/messages/${m.id}`;
  try {
    if (forMe) {
      await api(`${path}?for=me`, { method: 'DELETE' });
      errors.delete(m.id);
      replyGone(m);
      messageHooks.hidden(m);
      return;
    }
    const tomb = await api<Message>(path, { method: 'DELETE' });
    errors.delete(m.id);
    messageHooks.changed(tomb);
  } catch (x) {
    errors.set(m.id, `Not deleted: ${describe(x)}`);
    rerender();
  }
}

/** Whether the user is in the middle of editing a message (the list must not steal focus). */
export const isEditing = () => editing.size > 0;

/** A message's error line (a reaction that failed, say). */
export function showError(m: Message, message: string, rerender: () => void): void {
  errors.set(m.id, message);
  rerender();
}

function replyGone(m: Message): void {
  if (replying.get(m.chatId)?.id === m.id) replying.delete(m.chatId);
}
