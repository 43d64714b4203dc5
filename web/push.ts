// Push notifications for the web client: ask permission, register the service worker (sw.ts, built
// to /sw.js), subscribe with the server's VAPID key and register the subscription as a device.
// Wiring (main.ts, after sign-in, from a user gesture such as a "Notify me" button):
//   import { enablePush, disablePush, showUnreadInTitle } from './push.js';
//   await enablePush();                  // → 'enabled' | 'denied' | 'unsupported' | 'unconfigured'
//   showUnreadInTitle(totalUnread);      // whenever the chat list's unread counts change
//   await disablePush();                 // on sign-out, before the session is cleared
import { ApiError, api } from './api.js';

export type PushState = 'enabled' | 'denied' | 'unsupported' | 'unconfigured';

const DEVICE_KEY = 'chatx.pushDeviceId';

export const pushSupported = (): boolean =>
  'serviceWorker' in navigator && 'PushManager' in window && 'Notification' in window;

/** Asks for permission (call it from a click: browsers ignore the prompt otherwise) and subscribes. */
export async function enablePush(serviceWorkerUrl = '/sw.js'): Promise<PushState> {
  if (!pushSupported()) return 'unsupported';
  const permission = await Notification.requestPermission();
  if (permission !== 'granted') return 'denied';
  let publicKey: string;
  try {
    publicKey = (await api<{ publicKey: string }>('/v1/push/vapid-key', { auth: false })).publicKey;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return 'unconfigured';
    throw err;
  }
  const registration = await navigator.serviceWorker.register(serviceWorkerUrl, { scope: '/' });
  await navigator.serviceWorker.ready;
  let subscription = await registration.pushManager.getSubscription();
  // A subscription made with another key (the server's VAPID key changed) cannot be used.
  const current = subscription?.options.applicationServerKey;
  if (subscription && current && toBase64Url(current) !== publicKey) {
    await subscription.unsubscribe();
    subscription = null;
  }
  subscription ??= await registration.pushManager.subscribe({
    userVisibleOnly: true,
    applicationServerKey: fromBase64Url(publicKey),
  });
  // Idempotent on the server: the same endpoint again answers with the same device id.
  const device = await api<{ id: string }>('/v1/devices', {
    body: { platform: 'webpush', subscription: subscription.toJSON() },
  });
  localStorage.setItem(DEVICE_KEY, device.id);
  return 'enabled';
}

/** On sign-out: this browser must stop receiving the user's notifications. */
export async function disablePush(): Promise<void> {
  const id = localStorage.getItem(DEVICE_KEY);
  localStorage.removeItem(DEVICE_KEY);
  if (id) await api(`/v1/devices/${id}`, { method: 'DELETE' }).catch(() => undefined);
  if (!pushSupported()) return;
  const registration = await navigator.serviceWorker.getRegistration('/');
  await (await registration?.pushManager.getSubscription())?.unsubscribe();
}

const BASE_TITLE = 'Chat-X';

/** "(3) Chat-X" while there are unread messages, and the app badge where the browser has one. */
export function showUnreadInTitle(unread: number): void {
  document.title = unread > 0 ? `(${unread > 999 ? '999+' : unread}) ${BASE_TITLE}` : BASE_TITLE;
  const nav = navigator as { setAppBadge?(n: number): Promise<void>; clearAppBadge?(): Promise<void> };
  void (unread > 0 ? nav.setAppBadge?.(unread) : nav.clearAppBadge?.())?.catch(() => undefined);
}

function fromBase64Url(s: string): Uint8Array<ArrayBuffer> {
  const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/'));
  const out = new Uint8Array(new ArrayBuffer(bin.length));
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

function toBase64Url(buf: ArrayBuffer): string {
  let bin = '';
  for (const b of new Uint8Array(buf)) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
