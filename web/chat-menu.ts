import { settingsItems } from './chat-settings.js';
import { h } from './dom.js';
import type { Chat } from './state.js';

// A chat's menu in the conversation header: my settings of the chat, and what the other parts of
// the app add to it (safety, invite links) through `menuParts`.

export const menuParts: ((chat: Chat, line: HTMLElement) => (HTMLElement | false)[])[] = [settingsItems];

/** The chat whose menu is open: a redraw of the conversation keeps it open. */
let openFor: string | undefined;

export function chatMenu(chat: Chat): HTMLElement {
  const line = h('p', { class: 'error', role: 'status' }); // polite: menu outcomes, not page errors
  const items = menuParts.flatMap((part) => part(chat, line)).filter((x): x is HTMLElement => x !== false);
  const menu = h(
    'details',
    { class: 'chat-menu', id: 'chat-menu', open: openFor === chat.id },
    h('summary', {}, 'Chat options'),
    h('div', { class: 'menu-items' }, ...items, line),
  ) as HTMLDetailsElement;
  menu.addEventListener('toggle', () => {
    if (menu.open) openFor = chat.id;
    else if (openFor === chat.id && menu.isConnected) openFor = undefined;
  });
  return menu;
}
