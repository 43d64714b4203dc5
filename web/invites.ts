import { api, describe } from './api.js';
import { h } from './dom.js';
import { type Chat, me } from './state.js';

// Invite links: owners and admins create, copy and revoke them from the group's menu; anyone who
// opens `/?invite=<code>` sees the group's name and size and may join (or ask to, if approval is on).

interface Invite {
  code: string;
  url: string;
  expiresAt?: string;
}

interface JoinRequest {
  userId: string;
  userName: string;
  displayName?: string;
}

export const inviteHooks = { joined: (_chat: Chat): void => {} };
/** Groups whose invite panel is open (a redraw keeps it open). */
const showing = new Set<string>();

const isAdmin = (chat: Chat) =>
  chat.type === 'group' && chat.members.find((m) => m.userId === me())?.role !== 'member';

/** The invite part of a group's menu (admins only): the links, each with copy and revoke. */
export function inviteItems(chat: Chat, line: HTMLElement): (HTMLElement | false)[] {
  if (!isAdmin(chat)) return [];
  const list = h('ul', { class: 'invites', 'aria-label': 'Invite links' });
  const base = `/v1/chats/${chat.id}/invites`;
  const show = (invites: Invite[]) =>
    list.replaceChildren(
      ...invites.map((i) =>
        h(
          'li',
          {},
          h('input', { readonly: true, value: i.url, 'aria-label': 'Invite link', class: 'invite-url' }),
          h(
            'button',
            {
              type: 'button',
              onclick: () =>
                void navigator.clipboard?.writeText(i.url).then(
                  () => (line.textContent = 'Link copied.'),
                  () => (line.textContent = 'Could not copy: select the link and copy it.'),
                ),
            },
            'Copy',
          ),
          h('button', { type: 'button', onclick: () => void revoke(i.code) }, 'Revoke'),
        ),
      ),
    );
  // Joins by link wait for an admin when the group approves new members: its pending requests.
  const requests = h('ul', { class: 'join-requests', 'aria-label': 'Join requests' });
  const showRequests = (pending: JoinRequest[]) =>
    requests.replaceChildren(
      ...pending.map((r) => {
        const answer = (verdict: 'approve' | 'deny') =>
          void guard(verdict === 'approve' ? 'Not approved' : 'Not denied', () =>
            api(`/v1/chats/${chat.id}/join-requests/${r.userId}/${verdict}`, { method: 'POST' }),
          );
        return h(
          'li',
          {},
          h('span', {}, r.displayName ? `${r.displayName} (${r.userName})` : r.userName),
          h('button', { type: 'button', onclick: () => answer('approve') }, 'Approve'),
          h('button', { type: 'button', onclick: () => answer('deny') }, 'Deny'),
        );
      }),
    );
  const reload = async () => {
    const [links, pending] = await Promise.all([
      api<{ invites: Invite[] }>(base),
      api<{ requests: JoinRequest[] }>(`/v1/chats/${chat.id}/join-requests`),
    ]);
    show(links.invites);
    showRequests(pending.requests);
  };
  const guard = async (what: string, fn: () => Promise<unknown>) => {
    try {
      await fn();
      await reload();
    } catch (x) {
      line.textContent = `${what}: ${describe(x)}`;
    }
  };
  const revoke = (code: string) => guard('Not revoked', () => api(`${base}/${code}`, { method: 'DELETE' }));
  if (showing.has(chat.id)) void reload().catch(() => {}); // redrawn open: fill it again
  const approve = h('input', { type: 'checkbox', checked: chat.approveMembers === true }) as HTMLInputElement;
  approve.addEventListener('change', () => {
    const on = approve.checked;
    void guard('Not changed', () =>
      api(`/v1/chats/${chat.id}`, { method: 'PATCH', body: { approveMembers: on } }),
    );
  });
  const panel = h(
    'div',
    { class: 'invite-panel', hidden: !showing.has(chat.id) },
    h(
      'button',
      { type: 'button', onclick: () => void guard('No link made', () => api(base, { body: {} })) },
      'Create link',
    ),
    list,
    h('label', {}, approve, ' Admins approve new members'),
    requests,
  );
  return [
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          panel.hidden = !panel.hidden;
          if (panel.hidden) showing.delete(chat.id);
          else showing.add(chat.id);
          if (!panel.hidden) void guard('Could not load the links', async () => {});
        },
      },
      'Invite links',
    ),
    panel,
  ];
}

/** `?invite=<code>`: a card offering to join, shown above the chat list. */
export async function inviteCard(): Promise<HTMLElement | undefined> {
  const code = new URLSearchParams(location.search).get('invite');
  if (!code) return undefined;
  history.replaceState(null, '', location.pathname);
  const line = h('p', { class: 'error', role: 'alert' });
  const card = h('section', { class: 'invite-card', 'aria-label': 'Invitation link' }, line);
  try {
    const p = await api<{ name: string; memberCount: number; approveMembers: boolean }>(
      `/v1/invites/${encodeURIComponent(code)}`,
    );
    const join = async () => {
      try {
        const r = await api<Chat | { requested: true }>(`/v1/invites/${encodeURIComponent(code)}/join`, {
          method: 'POST',
        });
        if ('requested' in r) card.replaceChildren(h('p', { role: 'status' }, `Asked to join ${p.name}.`));
        else {
          card.remove();
          inviteHooks.joined(r);
        }
      } catch (x) {
        line.textContent = `Could not join: ${describe(x)}`;
      }
    };
    card.prepend(
      h('p', {}, `Join “${p.name}”? ${p.memberCount} members.`),
      h(
        'button',
        { type: 'button', class: 'primary', onclick: () => void join() },
        p.approveMembers ? 'Ask to join' : 'Join',
      ),
      h('button', { type: 'button', onclick: () => card.remove() }, 'Not now'),
    );
  } catch (x) {
    line.textContent = `This invite link does not work: ${describe(x)}`;
  }
  return card;
}
