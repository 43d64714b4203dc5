import { settingsItems } from './chat-settings.js';
import { h } from './dom.js';
import type { Chat } from './state.js';

// A chat's menu in the conversation header: my settings of the chat, and what the other parts of
// the app add to it (safety, invite links) through `menuParts`.

export const menuParts: ((chat: Chat, line: HTMLElement) => (HTMLElement | false)[])[] = [settingsItems];

export function chatMenu(chat: Chat): HTMLElement {
  const line = h('p', { class: 'error', role: 'status' }); // polite: menu outcomes, not page errors
  const items = menuParts.flatMap((part) => part(chat, line)).filter((x): x is HTMLElement => x !== false);
  return h(
    'details',
    { class: 'chat-menu', id: 'chat-menu' },
    h('summary', {}, 'Chat options'),
    h('div', { class: 'menu-items' }, ...items, line),
  );
}
