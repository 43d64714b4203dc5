import { isMuted, settingsOf } from './chat-settings.js';
import { h } from './dom.js';
import { hue, initials, listStamp } from './format.js';
import { DELETED } from './message-view.js';
import { showUnreadInTitle } from './push.js';
import { type Chat, chats, chatTitle, me, memberName, state, typist } from './state.js';

// The chat list: avatar, name, time of the last message, its preview (with the sender in groups,
// or who is typing), the unread badge; filtered by the search box. Muted/pinned/archived marks
// (chat settings) slot into `row` when they exist.

export const listHooks = { open: (_chatId: string): void => {} };

let filter = '';
/** Whether the list shows the archived chats instead of the others. */
let archivedView = false;
export function setFilter(q: string): void {
  filter = q.trim().toLowerCase();
  renderChatList();
}

export function avatar(name: string): HTMLElement {
  const el = h('span', { class: 'avatar', 'aria-hidden': 'true' }, initials(name));
  el.style.setProperty('--hue', String(hue(name))); // CSSOM: allowed under the page's CSP
  return el;
}

function preview(c: Chat): string {
  const who = typist(c.id);
  if (who) return c.type === 'group' ? `${who} is typing…` : 'typing…';
  const m = c.lastMessage;
  if (!m) return 'No messages yet';
  const text = m.deleted ? DELETED : (m.text ?? '');
  if (m.senderId === me()) return `You: ${text}`;
  return c.type === 'group' ? `${memberName(c, m.senderId)}: ${text}` : text;
}

function row(c: Chat): HTMLElement {
  const title = chatTitle(c);
  const typingNow = typist(c.id) !== undefined;
  return h(
    'li',
    {},
    h(
      'button',
      {
        type: 'button',
        'aria-current': c.id === state.active ? 'true' : 'false',
        'data-chat': c.id,
        onclick: () => listHooks.open(c.id),
      },
      avatar(title),
      h(
        'span',
        { class: 'name' },
        title,
        settingsOf(c).pinned && h('span', { class: 'mark', 'aria-label': 'Pinned', title: 'Pinned' }, ' 📌'),
        isMuted(c) && h('span', { class: 'mark', 'aria-label': 'Muted', title: 'Muted' }, ' 🔕'),
      ),
      h(
        'time',
        { class: 'when', datetime: c.lastActivityAt },
        c.lastMessage ? listStamp(c.lastMessage.createdAt) : '',
      ),
      h('span', { class: `last${typingNow ? ' typing-now' : ''}`, dir: 'auto' }, preview(c)),
      h(
        'span',
        { class: 'badges' },
        (c.mentionCount ?? 0) > 0 &&
          h('span', { class: 'mention', 'aria-label': `${c.mentionCount} mentioning you` }, '@'),
        c.unreadCount > 0 &&
          h('span', { class: 'badge', 'aria-label': `${c.unreadCount} unread` }, String(c.unreadCount)),
      ),
    ),
  );
}

export function renderChatList(): void {
  renderTitle();
  const list = document.getElementById('chat-list');
  if (!list) return;
  const archived = [...chats.values()].filter((c) => settingsOf(c).archived);
  if (archived.length === 0) archivedView = false;
  const all = [...chats.values()]
    .filter((c) => settingsOf(c).archived === archivedView)
    .sort((a, b) => pinnedFirst(a, b) || (a.lastActivityAt < b.lastActivityAt ? 1 : -1));
  const toggle = archivedEntry(archived);
  const shown = filter
    ? all.filter(
        (c) => chatTitle(c).toLowerCase().includes(filter) || preview(c).toLowerCase().includes(filter),
      )
    : all;
  if (shown.length === 0) {
    list.replaceChildren(
      ...toggle,
      h(
        'li',
        { class: 'hint' },
        filter
          ? 'No chats match. People found are listed above.'
          : 'No chats yet. Find someone by name above to start one, or create a group.',
      ),
    );
    return;
  }
  list.replaceChildren(...toggle, ...shown.map(row));
}

const pinnedFirst = (a: Chat, b: Chat) => Number(settingsOf(b).pinned) - Number(settingsOf(a).pinned);

/** "Archived (n)" leads the list while there are archived chats; in that view, the way back. */
function archivedEntry(archived: Chat[]): HTMLElement[] {
  if (archived.length === 0) return [];
  const unread = archived.reduce((n, c) => n + c.unreadCount, 0);
  return [
    h(
      'li',
      { class: 'archived-entry' },
      h(
        'button',
        {
          type: 'button',
          'aria-expanded': String(archivedView),
          onclick: () => {
            archivedView = !archivedView;
            renderChatList();
          },
        },
        archivedView ? '← All chats' : `Archived (${archived.length})${unread ? `, ${unread} unread` : ''}`,
      ),
    ),
  ];
}

/** The tab's title counts unread messages, so a background tab shows that something came. */
export function renderTitle(): void {
  showUnreadInTitle([...chats.values()].reduce((n, c) => n + c.unreadCount, 0));
}
