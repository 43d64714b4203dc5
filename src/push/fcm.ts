import jwt from 'jsonwebtoken';
import type { PushConfig } from '../config.js';
import { type Answer, PushHttp } from './http.js';
import { NO_PREVIEW, type PushPayload } from './payload.js';
import {
  fromNetworkError,
  fromStatus,
  type Outcome,
  type PushProvider,
  type PushTarget,
} from './provider.js';

type FcmConfig = NonNullable<PushConfig['fcm']>;

const SCOPE = 'https://www.googleapis.com/auth/firebase.messaging';

/**
 * FCM HTTP v1: an OAuth2 access token from the service account (a signed RS256 JWT exchanged at
 * the token endpoint, cached until shortly before it expires), then one POST per device.
 */
export class FcmProvider implements PushProvider {
  private access: { token: string; until: number } | undefined;

  private readonly http: PushHttp;

  constructor(
    private readonly cfg: FcmConfig,
    private readonly timeoutMs = 10_000,
  ) {
    this.http = new PushHttp(timeoutMs);
  }

  async send(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    let outcome = await this.attempt(device, payload);
    if (outcome.kind === 'failed' && outcome.status === 401) {
      // Our access token was revoked or expired early: fetch a new one, once.
      this.access = undefined;
      outcome = await this.attempt(device, payload);
    }
    return outcome;
  }

  private async attempt(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    let token: string;
    try {
      token = await this.accessToken();
    } catch (err) {
      // No push was sent: safe to try again later.
      return { kind: 'retry', ...(err instanceof TokenError ? { status: err.status } : {}) };
    }
    // FCM data values must be strings.
    const data = Object.fromEntries(Object.entries(payload).map(([k, v]) => [k, String(v)]));
    const message = {
      token: device.token,
      data,
      notification: { title: payload.senderName, body: payload.text ?? NO_PREVIEW },
      android: { priority: 'HIGH', collapse_key: payload.chatId, ttl: '86400s' },
    };
    let res: Answer;
    try {
      res = await this.http.post(
        new URL(`${this.cfg.endpoint}/v1/projects/${encodeURIComponent(this.cfg.projectId)}/messages:send`),
        { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        JSON.stringify({ message }),
      );
    } catch (err) {
      return fromNetworkError(err);
    }
    const body = parse(res.body) as FcmError;
    const codes = (body.error?.details ?? []).map((d) => d.errorCode);
    const gone = codes.includes('UNREGISTERED') || (res.status === 404 && body.error?.status === 'NOT_FOUND');
    return fromStatus(res.status, res.retryAfter, gone);
  }

  private async accessToken(): Promise<string> {
    if (this.access && this.access.until > Date.now()) return this.access.token;
    const now = Math.floor(Date.now() / 1000);
    const assertion = jwt.sign(
      {
        iss: this.cfg.clientEmail,
        sub: this.cfg.clientEmail,
        aud: this.cfg.tokenUrl,
        scope: SCOPE,
        iat: now,
        exp: now + 3600,
      },
      this.cfg.privateKey,
      { algorithm: 'RS256', noTimestamp: true },
    );
    const res = await fetch(this.cfg.tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number };
    if (!res.ok || !body.access_token) throw new TokenError(res.status);
    // Renewed a minute early, so a token never expires in flight.
    this.access = { token: body.access_token, until: Date.now() + ((body.expires_in ?? 3600) - 60) * 1000 };
    return body.access_token;
  }

  async close(): Promise<void> {
    this.http.close();
  }
}

/** An answer's JSON body, or {} when it has none. */
function parse(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return {};
  }
}

class TokenError extends Error {
  constructor(readonly status: number) {
    super(`token endpoint answered ${status}`);
  }
}

interface FcmError {
  error?: { status?: string; details?: { errorCode?: string }[] };
}
