import { describe } from './api.js';
import { h } from './dom.js';
import { enablePush, pushSupported } from './push.js';

// The "Turn on notifications" control (browsers only prompt from a click, never on load) and the
// ways a notification opens a chat: the service worker's message, or `?chat=` on a fresh tab.

const SAID: Record<string, string> = {
  enabled: 'Notifications are on.',
  denied: 'Notifications are blocked in this browser’s settings.',
  unsupported: 'This browser cannot show notifications.',
  unconfigured: 'This server does not send notifications.',
};

export function notifyControl(): HTMLElement {
  const status = h('span', { class: 'notify-status', role: 'status' });
  const button = h(
    'button',
    { type: 'button', id: 'notify', hidden: !pushSupported() },
    'Turn on notifications',
  );
  button.addEventListener('click', async () => {
    button.setAttribute('disabled', '');
    try {
      const result = await enablePush();
      status.textContent = SAID[result] ?? '';
      button.hidden = result === 'enabled';
    } catch (x) {
      status.textContent = `Notifications not turned on: ${describe(x)}`;
    } finally {
      button.removeAttribute('disabled');
    }
  });
  return h('div', { class: 'notify' }, button, status);
}

/** Calls `open` for the chat a notification names: now (from `?chat=`) and on every click later. */
export function openFromNotifications(open: (chatId: string) => void): void {
  const wanted = new URLSearchParams(location.search).get('chat');
  if (wanted) {
    history.replaceState(null, '', location.pathname);
    open(wanted);
  }
  navigator.serviceWorker?.addEventListener('message', (e: MessageEvent) => {
    const d = e.data as { type?: string; chatId?: unknown } | null;
    if (d?.type === 'open-chat' && typeof d.chatId === 'string') open(d.chatId);
  });
}
