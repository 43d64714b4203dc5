import { api } from './api.js';
import { h } from './dom.js';
import { field, setFieldError, showError } from './forms.js';
import { findUsers } from './search.js';
import type { Chat } from './state.js';

// Creating a group: a name and members by user name. Unknown names are named back, and nothing
// is created until every name is found; what was typed stays.

export function newGroupForm(created: (chat: Chat) => void): HTMLElement {
  const name = field('group-name', 'Group name', { autocomplete: 'off' });
  const members = field('group-members', 'Members', {
    placeholder: 'user names, comma-separated',
    autocomplete: 'off',
  });
  const err = h('p', { class: 'error', role: 'alert' });
  const submit = async (e: Event) => {
    e.preventDefault();
    setFieldError(name.input, '');
    setFieldError(members.input, '');
    err.textContent = '';
    if (!name.input.value.trim()) {
      setFieldError(name.input, 'Give the group a name.');
      name.input.focus();
      return;
    }
    const names = members.input.value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    try {
      const ids: string[] = [];
      const missing: string[] = [];
      for (const n of names) {
        const match =
          n.length >= 3
            ? (await findUsers(n)).find((u) => u.userName.toLowerCase() === n.toLowerCase())
            : undefined;
        if (match) ids.push(match.id);
        else missing.push(n);
      }
      if (missing.length > 0) {
        setFieldError(members.input, `No user named ${missing.join(', ')}. Check the spelling.`);
        members.input.focus();
        return;
      }
      const chat = await api<Chat>('/v1/chats', {
        body: { type: 'group', name: name.input.value, memberIds: ids, addPolicy: 'admins' },
      });
      name.input.value = '';
      members.input.value = '';
      details.open = false;
      created(chat);
    } catch (x) {
      showError(x, err, {
        name: { input: name.input, label: 'Group name' },
        memberIds: { input: members.input, label: 'Members' },
      });
    }
  };
  const details = h(
    'details',
    { class: 'new-group' },
    h('summary', {}, 'New group'),
    h(
      'form',
      { id: 'new-group', onsubmit: (e: Event) => void submit(e), novalidate: true },
      ...name.nodes,
      ...members.nodes,
      err,
      h('button', { type: 'submit', class: 'primary' }, 'Create group'),
    ),
  ) as HTMLDetailsElement;
  return details;
}
