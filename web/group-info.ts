import { api, describe } from './api.js';
import { avatar } from './chat-list.js';
import { h } from './dom.js';
import { lastSeen } from './format.js';
import { field, showError } from './forms.js';
import { searchAsYouType } from './search.js';
import { type Chat, chats, me, nameOf, presenceOf, state } from './state.js';

// The group info panel: members with their roles and presence, and what my role lets me do —
// rename, add (searching as I type), remove, promote/demote (owner), leave. Each action's error
// shows next to it. An invite link slots in here when the server has one.

export const infoHooks = {
  /** The chat changed (as the API answered): store it and redraw. */
  changed: (_chat: Chat): void => {},
  /** I left the chat. */
  left: (_chatId: string): void => {},
  close: (): void => {},
};

const rank = { owner: 2, admin: 1, member: 0 } as const;

export function renderGroupInfo(): void {
  const pane = document.getElementById('info');
  if (!pane) return;
  const chat = state.active ? chats.get(state.active) : undefined;
  if (chat?.type !== 'group' || !state.infoOpen) {
    pane.replaceChildren();
    pane.hidden = true;
    return;
  }
  pane.hidden = false;
  const mine = chat.members.find((m) => m.userId === me());
  const role = mine?.role ?? 'member';
  const canManage = role !== 'member';
  const canAdd = canManage || chat.addPolicy === 'anyone';
  pane.replaceChildren(
    h(
      'header',
      {},
      h('h2', { id: 'info-title' }, 'Group info'),
      h('button', { type: 'button', onclick: () => infoHooks.close() }, 'Close'),
    ),
    canManage ? renameForm(chat) : h('p', { class: 'group-name' }, chat.name ?? ''),
    h('h3', {}, `${chat.members.length} members`),
    h(
      'ul',
      { class: 'members', 'aria-label': 'Members' },
      ...sorted(chat).map((m) => memberRow(chat, m, role)),
    ),
    canAdd ? addForm(chat) : '',
    leaveButton(chat),
  );
}

const sorted = (chat: Chat) =>
  [...chat.members].sort((a, b) => rank[b.role] - rank[a.role] || nameOf(a).localeCompare(nameOf(b)));

function presence(userId: string): string {
  if (userId === me()) return 'you';
  const p = presenceOf(userId);
  if (p?.online) return 'online';
  return p?.lastSeenAt ? lastSeen(p.lastSeenAt) : '';
}

async function act(line: HTMLElement, run: () => Promise<Chat | undefined>): Promise<void> {
  line.textContent = '';
  try {
    const chat = await run();
    if (chat) infoHooks.changed(chat);
  } catch (x) {
    line.textContent = describe(x);
  }
}

function memberRow(chat: Chat, m: Chat['members'][number], myRole: keyof typeof rank): HTMLElement {
  const name = nameOf(m);
  const line = h('p', { class: 'error', role: 'alert' });
  const base = `/v1/chats/${chat.id}/members/${m.userId}`;
  const setRole = (role: 'admin' | 'member') => () =>
    void act(line, () => api<Chat>(base, { method: 'PATCH', body: { role } }));
  const remove = () =>
    void act(line, async () => {
      await api(base, { method: 'DELETE' });
      return api<Chat>(`/v1/chats/${chat.id}`);
    });
  const self = m.userId === me();
  return h(
    'li',
    { 'data-user': m.userId },
    avatar(name),
    h(
      'span',
      { class: 'who' },
      h('strong', {}, self ? `${name} (you)` : name),
      h('span', { class: 'presence' }, presence(m.userId)),
    ),
    m.role !== 'member' && h('span', { class: 'role' }, m.role === 'owner' ? 'Owner' : 'Admin'),
    !self &&
      myRole === 'owner' &&
      m.role === 'member' &&
      h(
        'button',
        { type: 'button', 'aria-label': `Make ${name} admin`, onclick: setRole('admin') },
        'Make admin',
      ),
    !self &&
      myRole === 'owner' &&
      m.role === 'admin' &&
      h(
        'button',
        { type: 'button', 'aria-label': `Dismiss ${name} as admin`, onclick: setRole('member') },
        'Dismiss admin',
      ),
    !self &&
      rank[myRole] > rank[m.role] &&
      h('button', { type: 'button', 'aria-label': `Remove ${name}`, onclick: remove }, 'Remove'),
    line,
  );
}

function renameForm(chat: Chat): HTMLElement {
  const name = field('rename-group', 'Name', { autocomplete: 'off', value: chat.name ?? '' });
  const line = h('p', { class: 'error', role: 'alert' });
  const submit = (e: Event) => {
    e.preventDefault();
    if (!name.input.value.trim()) {
      line.textContent = 'A group needs a name.';
      return;
    }
    void (async () => {
      try {
        infoHooks.changed(
          await api<Chat>(`/v1/chats/${chat.id}`, { method: 'PATCH', body: { name: name.input.value } }),
        );
      } catch (x) {
        showError(x, line, { name: { input: name.input, label: 'Name' } });
      }
    })();
  };
  return h(
    'form',
    { class: 'rename', onsubmit: submit, novalidate: true },
    ...name.nodes,
    line,
    h('button', { type: 'submit' }, 'Rename'),
  );
}

function addForm(chat: Chat): HTMLElement {
  const input = h('input', {
    id: 'add-member',
    type: 'search',
    autocomplete: 'off',
    placeholder: 'name (3+ letters)',
  }) as HTMLInputElement;
  const results = h('ul', { class: 'results', 'aria-label': 'People to add' });
  const error = h('p', { class: 'error', id: 'add-member-error', role: 'alert' });
  const search = searchAsYouType({
    input,
    results,
    error,
    render: (users) =>
      users
        .filter((u) => !chat.members.some((m) => m.userId === u.id))
        .map((u) =>
          h(
            'li',
            {},
            nameOf(u),
            h(
              'button',
              {
                type: 'button',
                onclick: () =>
                  void act(error, () =>
                    api<Chat>(`/v1/chats/${chat.id}/members`, { body: { userId: u.id } }),
                  ),
              },
              `Add ${nameOf(u)}`,
            ),
          ),
        ),
  });
  return h(
    'form',
    {
      class: 'add',
      role: 'search',
      onsubmit: (e: Event) => {
        e.preventDefault();
        search.now();
      },
    },
    h('label', { for: 'add-member' }, 'Add member'),
    input,
    error,
    results,
  );
}

function leaveButton(chat: Chat): HTMLElement {
  const line = h('p', { class: 'error', role: 'alert' });
  const leave = async () => {
    line.textContent = '';
    try {
      await api(`/v1/chats/${chat.id}/members/${me()}`, { method: 'DELETE' });
      infoHooks.left(chat.id);
    } catch (x) {
      line.textContent = describe(x);
    }
  };
  return h(
    'div',
    { class: 'leave' },
    h('button', { type: 'button', class: 'danger', onclick: () => void leave() }, 'Leave group'),
    line,
  );
}
