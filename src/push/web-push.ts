import webpush from 'web-push';
import type { PushConfig } from '../config.js';
import type { Device } from '../devices/store.js';
import type { PushPayload } from './payload.js';
import { fromNetworkError, fromStatus, type Outcome, type PushProvider } from './provider.js';

/** How long a push service keeps an undelivered message (seconds): a day. */
const TTL_SECONDS = 24 * 3600;

/**
 * Web Push (RFC 8030) with aes128gcm payload encryption (RFC 8291) and VAPID (RFC 8292), both by
 * the `web-push` library; the request itself goes out with fetch, so a local push service on
 * plain http works in dev and test (the library only speaks https).
 */
export class WebPushProvider implements PushProvider {
  constructor(
    private readonly vapid: NonNullable<PushConfig['webPush']>,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(device: Device, payload: PushPayload): Promise<Outcome> {
    const details = webpush.generateRequestDetails(
      { endpoint: device.endpoint ?? '', keys: { p256dh: device.p256dh ?? '', auth: device.auth ?? '' } },
      JSON.stringify(payload),
      {
        vapidDetails: {
          subject: this.vapid.subject,
          publicKey: this.vapid.publicKey,
          privateKey: this.vapid.privateKey,
        },
        TTL: TTL_SECONDS,
        urgency: 'high',
        // A newer push of the same chat replaces one still waiting (chat ids fit Topic's 32 chars).
        topic: payload.chatId,
        contentEncoding: 'aes128gcm',
      },
    );
    const headers = Object.fromEntries(
      Object.entries(details.headers).filter(([k]) => k.toLowerCase() !== 'content-length'),
    ) as Record<string, string>;
    let res: Response;
    try {
      res = await fetch(details.endpoint, {
        method: details.method,
        headers,
        body: details.body as Buffer,
        redirect: 'error',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      return fromNetworkError(err);
    }
    await res.arrayBuffer().catch(() => undefined);
    // 404/410: the subscription expired or was unsubscribed.
    return fromStatus(res.status, res.headers.get('retry-after'), res.status === 404 || res.status === 410);
  }

  async close(): Promise<void> {}
}
