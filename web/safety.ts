import { api, describe } from './api.js';
import { h } from './dom.js';
import { type Chat, me } from './state.js';

// Block, unblock and report from a direct chat's menu. Whom I blocked is loaded once and kept in
// step by my other devices' `block_updated` frames.

export const blocked = new Set<string>();
export const safetyHooks = { changed: (): void => {} };
/** Per chat, the outcome of a report: it outlives the menu's redraw that a block brings. */
const notices = new Map<string, string>();
/** Chats whose report form is open (a redraw keeps it open). */
const reporting = new Set<string>();

export async function loadBlocks(): Promise<void> {
  const r = await api<{ blocks: { userId: string }[] }>('/v1/users/me/blocks');
  blocked.clear();
  for (const b of r.blocks) blocked.add(b.userId);
}

const peerOf = (chat: Chat) =>
  chat.type === 'direct' ? chat.members.find((m) => m.userId !== me())?.userId : undefined;

async function setBlock(chatId: string, userId: string, on: boolean, line: HTMLElement): Promise<void> {
  notices.delete(chatId);
  try {
    await api(`/v1/users/me/blocks/${userId}`, { method: on ? 'PUT' : 'DELETE' });
    if (on) blocked.add(userId);
    else blocked.delete(userId);
    safetyHooks.changed();
  } catch (x) {
    line.textContent = `Not changed: ${describe(x)}`;
  }
}

function reportForm(chat: Chat, line: HTMLElement): HTMLElement {
  const reason = h('textarea', {
    id: 'report-reason',
    maxlength: '1000',
    dir: 'auto',
  }) as HTMLTextAreaElement;
  const alsoBlock = h('input', { type: 'checkbox', id: 'report-block' }) as HTMLInputElement;
  const submit = async (e: Event) => {
    e.preventDefault();
    const text = reason.value.trim();
    if (!text) {
      line.textContent = 'Say what is wrong, so the moderators can act on it.';
      return;
    }
    try {
      await api('/v1/reports', { body: { chatId: chat.id, reason: text, block: alsoBlock.checked } });
      const peer = peerOf(chat);
      if (alsoBlock.checked && peer) blocked.add(peer);
      notices.set(chat.id, 'Reported. Thank you.');
      line.textContent = 'Reported. Thank you.';
      form.hidden = true;
      reporting.delete(chat.id);
      safetyHooks.changed();
    } catch (x) {
      line.textContent = `Not reported: ${describe(x)}`;
    }
  };
  const form = h(
    'form',
    { class: 'report', hidden: !reporting.has(chat.id), onsubmit: (e: Event) => void submit(e) },
    h('label', { for: 'report-reason' }, 'What is wrong?'),
    reason,
    h('label', {}, alsoBlock, ' Also block'),
    h('button', { type: 'submit' }, 'Send report'),
  );
  return form;
}

/** The safety part of a chat's menu: block or unblock my peer in a direct chat, report the chat. */
export function safetyItems(chat: Chat, line: HTMLElement): (HTMLElement | false)[] {
  const peer = peerOf(chat);
  const form = reportForm(chat, line);
  line.textContent = notices.get(chat.id) ?? '';
  return [
    peer !== undefined &&
      h(
        'button',
        { type: 'button', onclick: () => void setBlock(chat.id, peer, !blocked.has(peer), line) },
        blocked.has(peer) ? 'Unblock' : 'Block',
      ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          form.hidden = !form.hidden;
          if (form.hidden) reporting.delete(chat.id);
          else reporting.add(chat.id);
          if (!form.hidden) (form.querySelector('textarea') as HTMLElement).focus();
        },
      },
      'Report',
    ),
    form,
  ];
}
