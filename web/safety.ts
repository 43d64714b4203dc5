import { api, describe } from './api.js';
import { h } from './dom.js';
import { type Chat, me } from './state.js';

// Block, unblock and report from a direct chat's menu. Whom I blocked is loaded once and kept in
// step by my other devices' `block_updated` frames.

export const blocked = new Set<string>();
export const safetyHooks = { changed: (): void => {} };

export async function loadBlocks(): Promise<void> {
  const r = await api<{ blocks: { userId: string }[] }>('/v1/users/me/blocks');
  blocked.clear();
  for (const b of r.blocks) blocked.add(b.userId);
}

const peerOf = (chat: Chat) =>
  chat.type === 'direct' ? chat.members.find((m) => m.userId !== me())?.userId : undefined;

async function setBlock(userId: string, on: boolean, line: HTMLElement): Promise<void> {
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
      line.textContent = 'Reported. Thank you.';
      form.hidden = true;
      safetyHooks.changed();
    } catch (x) {
      line.textContent = `Not reported: ${describe(x)}`;
    }
  };
  const form = h(
    'form',
    { class: 'report', hidden: true, onsubmit: (e: Event) => void submit(e) },
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
  return [
    peer !== undefined &&
      h(
        'button',
        { type: 'button', onclick: () => void setBlock(peer, !blocked.has(peer), line) },
        blocked.has(peer) ? 'Unblock' : 'Block',
      ),
    h(
      'button',
      {
        type: 'button',
        onclick: () => {
          form.hidden = !form.hidden;
          if (!form.hidden) (form.querySelector('textarea') as HTMLElement).focus();
        },
      },
      'Report',
    ),
    form,
  ];
}
