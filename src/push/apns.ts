import { type ClientHttp2Session, connect, constants } from 'node:http2';
import jwt from 'jsonwebtoken';
import type { PushConfig } from '../config.js';
import { NO_PREVIEW, type PushPayload } from './payload.js';
import { type Outcome, type PushProvider, type PushTarget, retryAfterMs } from './provider.js';

type ApnsConfig = NonNullable<PushConfig['apns']>;

/** Apple wants a provider token no older than an hour and refreshed at most every 20 minutes. */
const TOKEN_REFRESH_MS = 40 * 60 * 1000;
/** Reasons that mean this token will never work again: the device is deleted. */
const GONE = new Set(['Unregistered', 'BadDeviceToken', 'DeviceTokenNotForTopic']);

/** APNs over HTTP/2 (node:http2, one kept-open session) with token (ES256 JWT) authentication. */
export class ApnsProvider implements PushProvider {
  private session: ClientHttp2Session | undefined;
  private token: { value: string; at: number } | undefined;

  constructor(
    private readonly cfg: ApnsConfig,
    private readonly timeoutMs = 10_000,
  ) {}

  async send(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    let outcome = await this.attempt(device, payload);
    // Our token was refused (expired, clock skew): sign a new one and try once more.
    if (outcome.kind === 'failed' && /ProviderToken/.test(outcome.reason ?? '')) {
      this.token = undefined;
      outcome = await this.attempt(device, payload);
    }
    return outcome;
  }

  private attempt(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    const body = JSON.stringify({
      aps: {
        alert: { title: payload.senderName, body: payload.text ?? NO_PREVIEW },
        badge: payload.badge,
        sound: 'default',
        'thread-id': payload.chatId,
      },
      ...payload,
    });
    return new Promise<Outcome>((resolve) => {
      let session: ClientHttp2Session;
      try {
        session = this.connection();
      } catch {
        return resolve({ kind: 'retry' });
      }
      const req = session.request({
        [constants.HTTP2_HEADER_METHOD]: 'POST',
        [constants.HTTP2_HEADER_PATH]: `/3/device/${device.token}`,
        authorization: `bearer ${this.providerToken()}`,
        'apns-topic': this.cfg.topic,
        'apns-push-type': 'alert',
        'apns-priority': '10',
        'apns-expiration': String(Math.floor(Date.now() / 1000) + 24 * 3600),
        'apns-collapse-id': payload.chatId,
        'content-type': 'application/json',
      });
      let status = 0;
      let retryAfter: string | undefined;
      let text = '';
      req.setTimeout(this.timeoutMs, () => {
        req.close(constants.NGHTTP2_CANCEL);
        resolve({ kind: 'failed', reason: 'timeout' });
      });
      req.on('response', (headers) => {
        status = Number(headers[constants.HTTP2_HEADER_STATUS]);
        retryAfter = headers['retry-after'] as string | undefined;
      });
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        if (text.length < 4096) text += chunk;
      });
      req.on('end', () => resolve(this.outcome(status, text, retryAfter)));
      // Only a connection that never opened surely sent nothing: that alone is retried.
      req.on('error', (err: NodeJS.ErrnoException) => {
        const code = err.code ?? (err.cause as NodeJS.ErrnoException | undefined)?.code;
        resolve(
          code === 'ECONNREFUSED' || code === 'ENOTFOUND'
            ? { kind: 'retry' }
            : { kind: 'failed', reason: code ?? 'stream' },
        );
      });
      req.end(body);
    });
  }

  private outcome(status: number, text: string, retryAfter: string | undefined): Outcome {
    if (status === 200) return { kind: 'delivered' };
    let reason: string | undefined;
    try {
      reason = (JSON.parse(text) as { reason?: string }).reason;
    } catch {
      reason = undefined;
    }
    if (status === 410 || GONE.has(reason ?? '')) return { kind: 'gone' };
    if (status === 429 || status >= 500) {
      const afterMs = retryAfterMs(retryAfter);
      return { kind: 'retry', status, ...(afterMs !== undefined ? { afterMs } : {}) };
    }
    return { kind: 'failed', status, ...(reason ? { reason } : {}) };
  }

  private connection(): ClientHttp2Session {
    if (this.session && !this.session.closed && !this.session.destroyed) return this.session;
    const session = connect(this.cfg.host);
    session.on('error', () => session.destroy());
    session.on('goaway', () => session.close());
    session.on('close', () => {
      if (this.session === session) this.session = undefined;
    });
    session.unref();
    this.session = session;
    return session;
  }

  private providerToken(): string {
    const now = Date.now();
    if (!this.token || now - this.token.at > TOKEN_REFRESH_MS) {
      const value = jwt.sign({ iss: this.cfg.teamId, iat: Math.floor(now / 1000) }, this.cfg.key, {
        algorithm: 'ES256',
        keyid: this.cfg.keyId,
        noTimestamp: true,
      });
      this.token = { value, at: now };
    }
    return this.token.value;
  }

  async close(): Promise<void> {
    const s = this.session;
    this.session = undefined;
    if (s && !s.closed) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}
