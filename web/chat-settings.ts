import { api, describe } from './api.js';
import { h } from './dom.js';
import { type Chat, type ChatSettings, chats } from './state.js';

// My own settings of a chat (mute, pin, archive) from the chat's menu; they reach my other
// devices as `chat_settings` frames. The chat list orders and hides by them.

export const settingsHooks = { changed: (_chat: Chat): void => {} };

export const settingsOf = (c: Chat): ChatSettings =>
  c.settings ?? { mutedUntil: null, archived: false, pinned: false };

export const isMuted = (c: Chat) => {
  const until = settingsOf(c).mutedUntil;
  return until !== null && Date.parse(until) > Date.now();
};

/** Muting is "until further notice": a year ahead, renewed by muting again. */
const MUTE_MS = 365 * 86_400_000;

/** Takes settings in (from my click or another device's frame) and redraws. */
export function applySettings(chatId: string, settings: ChatSettings): void {
  const chat = chats.get(chatId);
  if (!chat) return;
  chat.settings = settings;
  settingsHooks.changed(chat);
}

async function save(chat: Chat, patch: Partial<ChatSettings>, line: HTMLElement): Promise<void> {
  try {
    const s = await api<ChatSettings>(`/v1/chats/${chat.id}/settings`, { method: 'PATCH', body: patch });
    applySettings(chat.id, s);
  } catch (x) {
    line.textContent = `Not changed: ${describe(x)}`;
  }
}

/** The settings part of a chat's menu: three toggles and the line for their errors. */
export function settingsItems(chat: Chat, line: HTMLElement): HTMLElement[] {
  const s = settingsOf(chat);
  const item = (label: string, patch: Partial<ChatSettings>) =>
    h('button', { type: 'button', onclick: () => void save(chat, patch, line) }, label);
  return [
    isMuted(chat)
      ? item('Unmute', { mutedUntil: null })
      : item('Mute', { mutedUntil: new Date(Date.now() + MUTE_MS).toISOString() }),
    s.pinned ? item('Unpin', { pinned: false }) : item('Pin', { pinned: true }),
    s.archived ? item('Unarchive', { archived: false }) : item('Archive', { archived: true }),
  ];
}
