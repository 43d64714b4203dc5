import { api, describe } from './api.js';
import { h } from './dom.js';
import type { Chat } from './state.js';

// Group invitations for me (I accept adds from nobody): listed above the chats with accept and
// decline; `invitation_added` / `invitation_removed` frames keep every device in step.

export interface Invitation {
  id: string;
  chatId: string;
  chatName: string;
  invitedBy: string;
  expiresAt: string;
}

export const invitations = new Map<string, Invitation>();
export const invitationHooks = { accepted: (_chat: Chat): void => {} };

export async function loadInvitations(): Promise<void> {
  const r = await api<{ invitations: Invitation[] }>('/v1/users/me/invitations');
  invitations.clear();
  for (const i of r.invitations) invitations.set(i.id, i);
  renderInvitations();
}

export function renderInvitations(): void {
  const el = document.getElementById('invitations');
  if (!el) return;
  const line = h('p', { class: 'error', role: 'alert' });
  const answer = async (i: Invitation, accept: boolean) => {
    try {
      const r = await api<Chat | undefined>(
        `/v1/users/me/invitations/${i.id}/${accept ? 'accept' : 'decline'}`,
        {
          method: 'POST',
        },
      );
      invitations.delete(i.id);
      renderInvitations();
      if (accept && r) invitationHooks.accepted(r);
    } catch (x) {
      line.textContent = `Not answered: ${describe(x)}`;
    }
  };
  el.hidden = invitations.size === 0;
  el.replaceChildren(
    h('h2', {}, 'Invitations'),
    h(
      'ul',
      {},
      ...[...invitations.values()].map((i) =>
        h(
          'li',
          {},
          h('span', {}, `Join “${i.chatName}”`),
          h('button', { type: 'button', onclick: () => void answer(i, true) }, 'Accept'),
          h('button', { type: 'button', onclick: () => void answer(i, false) }, 'Decline'),
        ),
      ),
    ),
    line,
  );
}
