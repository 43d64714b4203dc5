import webpush from 'web-push';
import type { PushConfig } from '../config.js';
import { CappedMap } from '../lib/capped.js';
import { type Answer, PushHttp } from './http.js';
import type { PushPayload } from './payload.js';
import {
  fromNetworkError,
  fromStatus,
  type Outcome,
  type PushProvider,
  type PushTarget,
} from './provider.js';

/** How long a push service keeps an undelivered message (seconds): a day. */
const TTL_SECONDS = 24 * 3600;
/** A VAPID JWT is valid for one push service (its origin) for up to 24 h (RFC 8292): signed for 12. */
const VAPID_VALID_MS = 12 * 3600_000;
/** ...and replaced after 11, so that none goes out close to its expiry. */
const VAPID_RENEW_MS = 11 * 3600_000;
/** Push service origins remembered at most (browsers use a handful; endpoints are user input). */
const MAX_AUDIENCES = 1_000;

/**
 * Web Push (RFC 8030) with aes128gcm payload encryption (RFC 8291) and VAPID (RFC 8292), both by
 * the `web-push` library; the request itself goes out here, so a local push service on plain http
 * works in dev and test (the library only speaks https). The VAPID header is signed
 * once per push service and reused for hours: encryption is the only crypto per push.
 */
export class WebPushProvider implements PushProvider {
  private readonly vapidHeaders = new CappedMap<string, { authorization: string; renewAt: number }>(
    MAX_AUDIENCES,
  );
  private readonly http: PushHttp;

  constructor(
    private readonly vapid: NonNullable<PushConfig['webPush']>,
    timeoutMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.http = new PushHttp(timeoutMs);
  }

  async send(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    const endpoint = device.endpoint ?? '';
    const details = webpush.generateRequestDetails(
      { endpoint, keys: { p256dh: device.p256dh ?? '', auth: device.auth ?? '' } },
      JSON.stringify(payload),
      {
        // No vapidDetails: the library would sign a JWT per push; this one is signed per service.
        headers: { Authorization: this.authorization(endpoint) },
        TTL: TTL_SECONDS,
        urgency: 'high',
        // A newer push of the same chat replaces one still waiting (chat ids fit Topic's 32 chars).
        topic: payload.chatId,
        contentEncoding: 'aes128gcm',
      },
    );
    let res: Answer;
    try {
      res = await this.http.post(new URL(details.endpoint), details.headers, details.body as Buffer);
    } catch (err) {
      return fromNetworkError(err);
    }
    // 404/410: the subscription expired or was unsubscribed.
    return fromStatus(res.status, res.retryAfter, res.status === 404 || res.status === 410);
  }

  /** The `Authorization` header for this endpoint's push service, signed afresh when due. */
  private authorization(endpoint: string): string {
    const audience = new URL(endpoint).origin;
    const now = this.clock();
    const hit = this.vapidHeaders.get(audience);
    if (hit && hit.renewAt > now) return hit.authorization;
    const { Authorization } = webpush.getVapidHeaders(
      audience,
      this.vapid.subject,
      this.vapid.publicKey,
      this.vapid.privateKey,
      'aes128gcm',
      Math.floor((now + VAPID_VALID_MS) / 1000),
    );
    this.vapidHeaders.delete(audience);
    this.vapidHeaders.set(audience, { authorization: Authorization, renewAt: now + VAPID_RENEW_MS });
    return Authorization;
  }

  async close(): Promise<void> {
    this.http.close();
  }
}
