import type { Message } from '../src/client/index.js';
import { api, describe } from './api.js';
import { h } from './dom.js';
import { type Chat, me, memberName } from './state.js';

// The parts of a message that issue 17 added: ticks (stored, delivered, read), the quote of the
// message it replies to, and reaction chips with a small picker.

export const REACTIONS = ['👍', '❤️', '😂', '😮', '😢', '🙏'];

/** What these parts ask of the app: take a changed message in, start a reply, show an error. */
export const extraHooks = {
  changed: (_m: Message): void => {},
  failed: (_m: Message, _message: string): void => {},
};

/** Message ids whose reaction picker is open. */
const picking = new Set<string>();

const atLeast = (marker: string | undefined, id: string) => marker !== undefined && marker >= id;

/**
 * ✓ stored, ✓✓ delivered to every other member, blue ✓✓ once every other member read it. Members'
 * markers move live (delivered/read frames); the view's deliveredUpTo/readUpTo cover the rest.
 */
export function tick(chat: Chat, m: Message): HTMLElement {
  const others = chat.members.filter((x) => x.userId !== me());
  const readBy = others.filter((x) => atLeast(x.lastReadId, m.id)).length;
  const gotBy = others.filter((x) => atLeast(x.lastDeliveredId, m.id) || atLeast(x.lastReadId, m.id)).length;
  const all = (n: number) => others.length > 0 && n === others.length;
  const read = all(readBy) || atLeast(chat.readUpTo, m.id);
  const delivered = read || all(gotBy) || atLeast(chat.deliveredUpTo, m.id);
  const state = read ? 'read' : delivered ? 'delivered' : 'sent';
  const title =
    chat.type === 'group'
      ? `Read by ${readBy} of ${others.length}`
      : { read: 'Read', delivered: 'Delivered', sent: 'Sent' }[state];
  return h(
    'span',
    { class: `tick${read ? ' read' : delivered ? ' delivered' : ''}`, title },
    read ? '✓✓ read' : delivered ? '✓✓ delivered' : '✓ sent',
  );
}

/** The quote of the message this one replies to, or its tombstone. */
export function quote(chat: Chat, m: Message): HTMLElement | false {
  const r = m.replyTo;
  if (!r) return false;
  const who = r.senderId === me() ? 'You' : memberName(chat, r.senderId);
  return h(
    'blockquote',
    { class: `quote${r.deleted ? ' gone' : ''}` },
    h('span', { class: 'who' }, who),
    ' ',
    h('span', { dir: 'auto' }, r.deleted ? 'original deleted' : (r.text ?? '')),
  );
}

/** Chips (emoji and count; mine pressed, a click removes it) and, when open, the picker. */
export function reactions(m: Message, rerender: () => void): HTMLElement | false {
  if (m.deleted) return false;
  const chips = Object.entries(m.reactions ?? {})
    .filter(([, ids]) => ids.length > 0)
    .map(([emoji, ids]) => {
      const mine = ids.includes(me() ?? '');
      return h(
        'button',
        {
          type: 'button',
          class: 'chip',
          'aria-pressed': String(mine),
          'aria-label': `${emoji} ${ids.length}${mine ? ', yours: remove' : ''}`,
          onclick: () => void react(m, mine ? null : emoji),
        },
        `${emoji} ${ids.length}`,
      );
    });
  const picker =
    picking.has(m.id) &&
    h(
      'span',
      { class: 'picker', role: 'group', 'aria-label': 'Pick a reaction' },
      ...REACTIONS.map((e) =>
        h(
          'button',
          {
            type: 'button',
            'aria-label': `React ${e}`,
            onclick: () => {
              picking.delete(m.id);
              void react(m, e);
            },
          },
          e,
        ),
      ),
    );
  const toggle = h(
    'button',
    {
      type: 'button',
      class: 'react',
      'aria-expanded': String(picking.has(m.id)),
      onclick: () => {
        if (!picking.delete(m.id)) picking.add(m.id);
        rerender();
      },
    },
    'React',
  );
  return h('div', { class: 'reactions' }, ...chips, toggle, picker || '');
}

async function react(m: Message, emoji: string | null): Promise<void> {
  const path = `/v1/chats/${m.chatId}/messages/${m.id}/reaction`;
  try {
    const saved = await api<Message>(path, emoji ? { method: 'PUT', body: { emoji } } : { method: 'DELETE' });
    extraHooks.changed(saved);
  } catch (x) {
    extraHooks.failed(m, `Reaction not saved: ${describe(x)}`);
  }
}

/** A reaction frame applied to the message on hand: one reaction per member. */
export function applyReaction(m: Message, userId: string, emoji: string | null): Message {
  const next: Record<string, string[]> = {};
  for (const [e, ids] of Object.entries(m.reactions ?? {})) {
    const kept = ids.filter((id) => id !== userId);
    if (kept.length) next[e] = kept;
  }
  if (emoji) next[emoji] = [...(next[emoji] ?? []), userId];
  return { ...m, reactions: next };
}
