import type { Message } from '../src/client/index.js';
import { api, describe } from './api.js';
import { h, linkify } from './dom.js';
import { clock, dayLabel, sameDay } from './format.js';
import { type Chat, me, memberName, type Pending } from './state.js';

// One message as a list item: sender (groups), text with links, and its meta line (edited, time,
// ticks, actions). Replies (quote above the text), reactions (chips below it) and delivered ticks
// slot in here when the server has them.

export const DELETED = 'This message was deleted';

/** What a message view asks of the app: to take a changed message in. */
export const messageHooks = { changed: (_m: Message): void => {} };

/** Per message id, an edit in progress (its text survives re-renders) and the last error. */
const editing = new Map<string, string>();
const confirming = new Set<string>();
const errors = new Map<string, string>();

/** ✓ sent, then ✓✓ read once every other member has read it (in groups, all of them). */
export function tick(chat: Chat, m: Message): HTMLElement {
  const others = chat.members.filter((x) => x.userId !== me());
  const read = others.filter((x) => x.lastReadId !== undefined && x.lastReadId >= m.id).length;
  const all = others.length > 0 && read === others.length;
  const title = chat.type === 'group' ? `Read by ${read} of ${others.length}` : all ? 'Read' : 'Sent';
  return h('span', { class: `tick${all ? ' read' : ''}`, title }, all ? '✓✓ read' : '✓ sent');
}

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
  const canDelete = !m.deleted && (mine || (chat.type === 'group' && myRole !== 'member'));
  const draft = editing.get(m.id);
  if (m.deleted) editing.delete(m.id); // deleted meanwhile (say, on another device): nothing to edit
  const error = errors.get(m.id);
  const body = draft !== undefined && !m.deleted ? editor(m, draft, rerender) : text(m);
  const actions: (HTMLElement | false)[] = confirming.has(m.id)
    ? [
        h('span', {}, 'Delete for everyone?'),
        h('button', { type: 'button', onclick: () => void remove(m, rerender) }, 'Yes, delete'),
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
        mine &&
          !m.deleted &&
          draft === undefined &&
          h('button', { type: 'button', onclick: () => startEdit(m, rerender) }, 'Edit'),
        canDelete &&
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
    body,
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

async function remove(m: Message, rerender: () => void): Promise<void> {
  confirming.delete(m.id);
  try {
    const tomb = await api<Message>(`/v1/chats/${m.chatId}/messages/${m.id}`, { method: 'DELETE' });
    errors.delete(m.id);
    messageHooks.changed(tomb);
  } catch (x) {
    errors.set(m.id, `Not deleted: ${describe(x)}`);
    rerender();
  }
}

/** Whether the user is in the middle of editing a message (the list must not steal focus). */
export const isEditing = () => editing.size > 0;
