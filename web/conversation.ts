import type { Message } from '../src/client/index.js';
import { describe, session } from './api.js';
import { chatMenu } from './chat-menu.js';
import { h } from './dom.js';
import { lastSeen } from './format.js';
import { loadOlder, markRead, ordered } from './history.js';
import { mentionPicker, mentionsIn } from './mentions.js';
import { isEditing, messageItems, pendingItem } from './message-view.js';
import {
  chats,
  chatTitle,
  drafts,
  hasOlder,
  loaded,
  memberName,
  pending,
  presenceOf,
  replying,
  state,
  typist,
} from './state.js';

// The open conversation: header (back, name, presence, group info), messages, a jump to the
// newest with a count of what arrived below, the typing line and the composer (drafts per chat).

export const MAX_CHARS = 4000;

/** What the conversation asks of the rest of the app; main.ts fills these in. */
export const hooks = {
  back: (): void => {},
  info: (): void => {},
};

/** New messages that arrived while the reader was scrolled up. */
let newBelow = 0;
/** Why the open chat's history could not be loaded, if it could not. */
let loadError = '';

export function setLoadError(message: string): void {
  loadError = message;
}

const nearBottom = (el: HTMLElement) => el.scrollHeight - el.scrollTop - el.clientHeight < 48;

export function renderConversation(): void {
  const pane = document.getElementById('conversation');
  if (!pane) return;
  const chat = state.active ? chats.get(state.active) : undefined;
  newBelow = 0;
  if (!chat) {
    pane.replaceChildren(h('p', { class: 'empty' }, 'Pick a chat, or find someone to talk to.'));
    return;
  }
  const input = h('textarea', {
    id: 'composer',
    'aria-label': 'Message',
    'aria-describedby': 'composer-error',
    placeholder: 'Write a message',
    dir: 'auto',
  }) as HTMLTextAreaElement;
  input.value = drafts.get(chat.id) ?? '';
  const picker = mentionPicker(chat, input);
  const error = h('p', { class: 'error', id: 'composer-error', role: 'alert' });
  const send = (e: Event) => {
    e.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    if (text.length > MAX_CHARS) {
      error.textContent = `Not sent: a message can have at most 4,000 characters (this one has ${text.length.toLocaleString('en')}).`;
      return;
    }
    const mentions = mentionsIn(chat, text);
    error.textContent = '';
    input.value = '';
    drafts.delete(chat.id);
    const clientMsgId = `w${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
    const replyTo = replying.get(chat.id)?.id;
    replying.delete(chat.id);
    renderReplyBar();
    pending.set(clientMsgId, { chatId: chat.id, text, clientMsgId, ...(replyTo ? { replyTo } : {}) });
    renderMessages('bottom');
    const extras = { ...(replyTo ? { replyTo } : {}), ...(mentions.length > 0 ? { mentions } : {}) };
    void state.client?.send(chat.id, text, clientMsgId, extras).catch((x: unknown) => {
      // Refused for good: the text goes back where it was typed, with the reason.
      pending.delete(clientMsgId);
      renderMessages('keep');
      const box = document.getElementById('composer') as HTMLTextAreaElement | null;
      if (box && state.active === chat.id) {
        box.value = box.value ? `${text}\n${box.value}` : text;
        drafts.set(chat.id, box.value);
      } else drafts.set(chat.id, text);
      const line = document.getElementById('composer-error');
      if (line) line.textContent = `Not sent: ${describe(x)}`;
    });
  };
  input.addEventListener('keydown', (e) => {
    if (picker.keydown(e)) return;
    if (e.key === 'Enter' && !e.shiftKey) send(e);
    // As in most chat apps: ↑ in an empty box edits my last message.
    else if (e.key === 'ArrowUp' && !input.value) {
      const mine = [
        ...document.querySelectorAll<HTMLElement>('#messages li.msg.mine:not(.pending):not(.deleted)'),
      ];
      const buttons = mine.at(-1)?.querySelectorAll<HTMLButtonElement>('.meta button') ?? [];
      const edit = [...buttons].find((b) => b.textContent === 'Edit');
      if (edit) {
        e.preventDefault();
        edit.click();
      }
    }
  });
  // The caret moved without typing (arrows, a click): the "@…" before it may be another or none.
  input.addEventListener('keyup', (e) => {
    if (['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) picker.update();
  });
  input.addEventListener('click', () => picker.update());
  input.addEventListener('input', () => {
    picker.update();
    drafts.set(chat.id, input.value);
    if (input.value.length <= MAX_CHARS) error.textContent = '';
    state.client?.typing(chat.id);
  });
  const list = h('ol', { class: 'messages', id: 'messages', 'aria-label': 'Messages', tabindex: '0' });
  list.addEventListener('scroll', () => {
    if (nearBottom(list) && newBelow > 0) {
      newBelow = 0;
      renderJump();
    }
    if (list.scrollTop === 0 && hasOlder.get(chat.id)) void older(chat.id, list);
  });
  const jump = h('button', {
    type: 'button',
    class: 'to-bottom',
    id: 'to-bottom',
    hidden: true,
    onclick: () => {
      list.scrollTop = list.scrollHeight;
      newBelow = 0;
      renderJump();
    },
  });
  pane.replaceChildren(
    h(
      'header',
      {},
      h('button', { type: 'button', class: 'back', onclick: () => hooks.back() }, 'Back'),
      h(
        'div',
        { class: 'title' },
        h('h2', {}, chatTitle(chat)),
        h('span', { class: 'presence', id: 'presence' }),
      ),
      chat.type === 'group' &&
        h(
          'button',
          {
            type: 'button',
            id: 'info-button',
            'aria-expanded': String(state.infoOpen),
            onclick: () => hooks.info(),
          },
          'Group info',
        ),
      chatMenu(chat),
    ),
    loadError ? h('p', { class: 'error load-error', role: 'alert' }, loadError) : '',
    h('div', { class: 'stream' }, list, jump),
    h('div', { class: 'typing', id: 'typing', 'aria-live': 'polite' }),
    h('div', { class: 'reply-bar', id: 'reply-bar' }),
    h(
      'form',
      { class: 'composer', onsubmit: send },
      picker.element,
      input,
      h('button', { type: 'submit', class: 'primary' }, 'Send'),
    ),
    error,
  );
  renderHeader();
  renderMessages('bottom');
  renderTyping();
  renderReplyBar();
  if (!isEditing()) input.focus();
}

/** Redraws the chat's menu (its settings changed), keeping it open if it was. */
export function renderMenu(): void {
  const old = document.getElementById('chat-menu') as HTMLDetailsElement | null;
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!old || !chat) return;
  old.replaceWith(chatMenu(chat));
}

/** Starts a reply to a message: its quote shows above the box until sent or cancelled. */
export function startReply(m: Message): void {
  replying.set(m.chatId, m);
  renderReplyBar();
  document.getElementById('composer')?.focus();
}

export function renderReplyBar(): void {
  const bar = document.getElementById('reply-bar');
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!bar || !chat) return;
  const m = replying.get(chat.id);
  if (!m) {
    bar.replaceChildren();
    return;
  }
  const who = m.senderId === session?.user.id ? 'yourself' : memberName(chat, m.senderId);
  bar.replaceChildren(
    h(
      'blockquote',
      { class: 'quote' },
      h('span', { class: 'who' }, `Replying to ${who}`),
      ' ',
      h('span', { dir: 'auto' }, m.deleted ? 'original deleted' : (m.text ?? '').slice(0, 100)),
    ),
    h(
      'button',
      {
        type: 'button',
        'aria-label': 'Cancel reply',
        onclick: () => {
          replying.delete(chat.id);
          renderReplyBar();
        },
      },
      '✕',
    ),
  );
}

async function older(chatId: string, list: HTMLElement): Promise<void> {
  if (list.dataset.loading) return;
  list.dataset.loading = 'true';
  const before = list.scrollHeight;
  try {
    await loadOlder(chatId);
    renderMessages('keep');
    list.scrollTop = list.scrollHeight - before;
  } catch (x) {
    const line = document.getElementById('composer-error');
    if (line) line.textContent = `Could not load earlier messages: ${describe(x)}`;
  } finally {
    delete list.dataset.loading;
  }
}

export function renderHeader(): void {
  const el = document.getElementById('presence');
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!el || !chat) return;
  const title = document.querySelector('#conversation header h2');
  if (title) title.textContent = chatTitle(chat);
  const other = chat.type === 'direct' ? chat.members.find((m) => m.userId !== session?.user.id) : undefined;
  if (!other) {
    el.textContent = `${chat.members.length} members`;
    return;
  }
  const p = presenceOf(other.userId);
  if (!state.connected) el.textContent = 'connecting…';
  else if (p?.online) el.textContent = 'online';
  else el.textContent = p?.lastSeenAt ? lastSeen(p.lastSeenAt) : '';
}

export function renderTyping(): void {
  const el = document.getElementById('typing');
  if (!el || !state.active) return;
  const who = typist(state.active);
  el.textContent = who ? `${who} is typing…` : '';
}

function renderJump(): void {
  const jump = document.getElementById('to-bottom');
  if (!jump) return;
  jump.hidden = newBelow === 0;
  jump.textContent = `↓ ${newBelow} new`;
  jump.setAttribute('aria-label', `Jump to the newest messages, ${newBelow} new`);
}

/**
 * Redraws the messages. 'bottom' scrolls to the newest; 'arrived' does so only when the reader is
 * already there (otherwise counts the arrival on the jump button); 'keep' holds the place.
 */
export function renderMessages(mode: 'bottom' | 'arrived' | 'keep', arrivals = 0): void {
  const list = document.getElementById('messages');
  const chat = state.active ? chats.get(state.active) : undefined;
  if (!list || !chat) return;
  const wasAtBottom = nearBottom(list);
  const top = list.scrollTop;
  const focused = document.activeElement;
  const waiting = [...pending.values()].filter((p) => p.chatId === chat.id).map(pendingItem);
  const items = messageItems(chat, ordered(chat.id), () => renderMessages('keep'));
  const hint =
    loaded.has(chat.id) && items.length + waiting.length === 0
      ? [h('li', { class: 'day' }, h('span', {}, 'No messages yet. Say hello!'))]
      : [];
  list.replaceChildren(...hint, ...items, ...waiting);
  if (focused instanceof HTMLElement && focused.id && !document.contains(focused))
    document.getElementById(focused.id)?.focus();
  if (mode === 'bottom' || (mode === 'arrived' && wasAtBottom)) {
    list.scrollTop = list.scrollHeight;
    newBelow = 0;
  } else {
    list.scrollTop = top;
    if (mode === 'arrived') newBelow += arrivals;
  }
  renderJump();
  if (document.visibilityState === 'visible') markRead(chat.id);
}
