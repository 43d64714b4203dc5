// The service worker (built to /sw.js): shows a notification per push and opens the chat on a
// click. The payload is the server's: {type, chatId, messageId, senderId, senderName, text?, badge}.

interface PushPayload {
  type: 'message';
  chatId: string;
  messageId: string;
  senderName: string;
  text?: string;
  badge: number;
}

// Just what this worker uses of ServiceWorkerGlobalScope (the DOM lib has no worker types).
interface WaitUntil {
  waitUntil(p: Promise<unknown>): void;
}
interface WindowClient {
  url: string;
  focus(): Promise<unknown>;
  postMessage(m: unknown): void;
}
interface Scope {
  addEventListener(type: 'push', fn: (e: WaitUntil & { data: { json(): unknown } | null }) => void): void;
  addEventListener(
    type: 'notificationclick',
    fn: (e: WaitUntil & { notification: { data: unknown; close(): void } }) => void,
  ): void;
  addEventListener(type: 'install' | 'activate', fn: (e: WaitUntil) => void): void;
  registration: { showNotification(title: string, options: object): Promise<void> };
  clients: {
    matchAll(o: object): Promise<WindowClient[]>;
    openWindow(url: string): Promise<unknown>;
    claim(): Promise<void>;
  };
  skipWaiting(): Promise<void>;
  navigator: { setAppBadge?(n: number): Promise<void> };
}

const sw = globalThis as unknown as Scope;

sw.addEventListener('install', (e) => e.waitUntil(sw.skipWaiting()));
sw.addEventListener('activate', (e) => e.waitUntil(sw.clients.claim()));

sw.addEventListener('push', (e) => {
  const p = e.data?.json() as PushPayload | undefined;
  if (p?.type !== 'message') return;
  e.waitUntil(
    Promise.all([
      sw.registration.showNotification(p.senderName, {
        body: p.text ?? 'New message',
        // One notification per chat: a newer message replaces the older one.
        tag: p.chatId,
        renotify: true,
        data: { chatId: p.chatId },
      }),
      sw.navigator.setAppBadge?.(p.badge).catch(() => undefined),
    ]),
  );
});

sw.addEventListener('notificationclick', (e) => {
  e.notification.close();
  const { chatId } = e.notification.data as { chatId: string };
  e.waitUntil(
    (async () => {
      const open = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const tab = open[0];
      if (tab) {
        tab.postMessage({ type: 'open-chat', chatId });
        return tab.focus();
      }
      return sw.clients.openWindow(`/?chat=${encodeURIComponent(chatId)}`);
    })(),
  );
});
