import { api, describe } from './api.js';
import { h } from './dom.js';

// My privacy settings (last seen, read receipts, group adds): a small page in the sidebar, saved
// on each change; other devices follow through `privacy_updated`.

export interface Privacy {
  lastSeen: 'everyone' | 'chats' | 'nobody';
  readReceipts: boolean;
  groupAdd: 'everyone' | 'nobody';
}

let current: Privacy = { lastSeen: 'everyone', readReceipts: true, groupAdd: 'everyone' };

export async function loadPrivacy(): Promise<void> {
  const u = await api<Partial<Privacy>>('/v1/users/me');
  current = { ...current, ...u };
}

export function applyPrivacy(p: Privacy): void {
  current = p;
  const page = document.getElementById('privacy');
  if (page && !(page as HTMLDetailsElement).open) page.replaceWith(privacyPage());
}

function select(id: string, label: string, options: [string, string][], value: string, key: keyof Privacy) {
  const el = h(
    'select',
    { id },
    ...options.map(([v, text]) => {
      const o = h('option', { value: v }, text) as HTMLOptionElement;
      o.selected = v === value;
      return o;
    }),
  ) as HTMLSelectElement;
  el.addEventListener('change', () => void save({ [key]: el.value }));
  return [h('label', { for: id }, label), el];
}

const line = () => document.getElementById('privacy-status');

async function save(patch: Partial<Privacy>): Promise<void> {
  const status = line();
  try {
    const u = await api<Partial<Privacy>>('/v1/users/me', { method: 'PATCH', body: patch });
    current = { ...current, ...u };
    if (status) status.textContent = 'Saved.';
  } catch (x) {
    if (status) status.textContent = `Not saved: ${describe(x)}`;
  }
}

export function privacyPage(): HTMLElement {
  const receipts = h('input', { type: 'checkbox', id: 'privacy-receipts' }) as HTMLInputElement;
  receipts.checked = current.readReceipts;
  receipts.addEventListener('change', () => void save({ readReceipts: receipts.checked }));
  const who: [string, string][] = [
    ['everyone', 'Everyone'],
    ['chats', 'People I chat with'],
    ['nobody', 'Nobody'],
  ];
  return h(
    'details',
    { class: 'privacy', id: 'privacy' },
    h('summary', {}, 'Privacy'),
    h(
      'div',
      { class: 'privacy-fields' },
      ...select('privacy-last-seen', 'Who sees my last seen', who, current.lastSeen, 'lastSeen'),
      h('label', { for: 'privacy-receipts' }, receipts, ' Send read receipts'),
      ...select(
        'privacy-group-add',
        'Who may add me to groups',
        [
          ['everyone', 'Everyone'],
          ['nobody', 'Nobody (I get invitations)'],
        ],
        current.groupAdd,
        'groupAdd',
      ),
      h('p', { id: 'privacy-status', role: 'status' }),
    ),
  );
}
