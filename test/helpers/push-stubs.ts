import {
  createDecipheriv,
  createECDH,
  createHmac,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createH2Server, type Http2Server, type IncomingHttpHeaders } from 'node:http2';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

// Local stand-ins for the three push services' real HTTP APIs. Each checks what the real one
// checks (VAPID / provider token / OAuth bearer), decodes the payload and records it; a test
// scripts answers per target (503 + Retry-After, 410, …), and waits for what it expects.

export interface Received {
  /** Subscription id, APNs device token or FCM registration token. */
  target: string;
  payload: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

interface Scripted {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

class Recorder {
  readonly received: Received[] = [];
  readonly errors: string[] = [];
  private readonly scripts = new Map<string, Scripted[]>();
  private waiters: (() => void)[] = [];

  /** The next answers to this target (after them: success). */
  respond(target: string, ...answers: Scripted[]): void {
    this.scripts.set(target, [...(this.scripts.get(target) ?? []), ...answers]);
  }

  protected next(target: string): Scripted | undefined {
    return this.scripts.get(target)?.shift();
  }

  protected record(r: Received): void {
    this.received.push(r);
    this.wake();
  }

  protected fail(why: string): void {
    this.errors.push(why);
    this.wake();
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  /** Pushes received so far that match. */
  to(pred: (r: Received) => boolean): Received[] {
    return this.received.filter(pred);
  }

  async waitFor(pred: (r: Received) => boolean, count = 1, timeoutMs = 10_000): Promise<Received[]> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.errors.length > 0) throw new Error(`push stub refused a request: ${this.errors.join('; ')}`);
      const found = this.to(pred);
      if (found.length >= count) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out waiting for ${count} push(es); got ${found.length}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });

const listen = async (server: Server | Http2Server) => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
};

const close = (server: Server | Http2Server) =>
  new Promise<void>((resolve) => {
    (server as Server).closeAllConnections?.();
    server.close(() => resolve());
  });

function answer(res: ServerResponse, s: Scripted | undefined, ok: number): void {
  res.writeHead(s?.status ?? ok, { 'content-type': 'application/json', ...s?.headers });
  res.end(s?.body === undefined ? '' : JSON.stringify(s.body));
}

/** A browser's subscription: its private key stays here, to decrypt what arrives. */
export interface TestSubscription {
  id: string;
  json: { endpoint: string; keys: { p256dh: string; auth: string } };
}

/** A Web Push service (RFC 8030) that decrypts aes128gcm (RFC 8291) and verifies VAPID (RFC 8292). */
export class WebPushStub extends Recorder {
  private server!: Server;
  url = '';
  private readonly subs = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();

  constructor(private readonly vapidPublicKey: string) {
    super();
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = `http://127.0.0.1:${await listen(this.server)}`;
    return this;
  }

  subscribe(): TestSubscription {
    const id = randomBytes(8).toString('hex');
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    const auth = randomBytes(16);
    this.subs.set(id, { ecdh, auth });
    return {
      id,
      json: {
        endpoint: `${this.url}/push/${id}`,
        keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') },
      },
    };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const id = /^\/push\/([0-9a-f]+)$/.exec(req.url ?? '')?.[1] ?? '';
    const sub = this.subs.get(id);
    const body = await readBody(req);
    if (!sub) return answer(res, { status: 404 }, 404);
    const scripted = this.next(id);
    try {
      this.verifyVapid(String(req.headers.authorization ?? ''));
      for (const [h, want] of [
        ['content-encoding', 'aes128gcm'],
        ['urgency', 'high'],
      ] as const)
        if (req.headers[h] !== want) throw new Error(`${h} is ${req.headers[h]}`);
      if (!/^\d+$/.test(String(req.headers.ttl))) throw new Error('no TTL');
      const payload = JSON.parse(decrypt(body, sub.ecdh, sub.auth).toString('utf8'));
      if (scripted && scripted.status >= 300) return answer(res, scripted, 201);
      this.record({ target: id, payload, headers: req.headers });
      answer(res, scripted, 201);
    } catch (err) {
      this.fail(`web push: ${(err as Error).message}`);
      answer(res, { status: 400 }, 400);
    }
  }

  private verifyVapid(header: string): void {
    const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header);
    if (!m) throw new Error('Authorization is not "vapid t=…, k=…"');
    if (m[2] !== this.vapidPublicKey) throw new Error('VAPID k is not the server key');
    const claims = jwt.verify(m[1] as string, p256PublicKey(this.vapidPublicKey), {
      algorithms: ['ES256'],
      audience: this.url,
    }) as { sub?: string; exp?: number };
    if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) throw new Error('VAPID sub missing');
    if (!claims.exp || claims.exp > Date.now() / 1000 + 24 * 3600) throw new Error('VAPID exp over 24 h');
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

function p256PublicKey(raw: string): KeyObject {
  const point = Buffer.from(raw, 'base64url');
  return createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
}

/** RFC 8291 + RFC 8188: one aes128gcm record, the sender's public key as key id. */
function decrypt(body: Buffer, ua: ReturnType<typeof createECDH>, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body[20] as number;
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const hmac = (key: Buffer, data: Buffer) => createHmac('sha256', key).update(data).digest();
  const prkKey = hmac(authSecret, ua.computeSecret(asPublic));
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const prk = hmac(salt, hmac(prkKey, Buffer.concat([keyInfo, Buffer.from([1])])));
  const cek = hmac(prk, Buffer.from('Content-Encoding: aes128gcm\0\x01')).subarray(0, 16);
  const nonce = hmac(prk, Buffer.from('Content-Encoding: nonce\0\x01')).subarray(0, 12);
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const plain = Buffer.concat([
    decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
    decipher.final(),
  ]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error('bad padding delimiter');
  return plain.subarray(0, end);
}

/** APNs' provider API over HTTP/2 (cleartext here), checking the ES256 provider token. */
export class ApnsStub extends Recorder {
  private server!: Http2Server;
  url = '';
  readonly keyId = 'KEY1234567';
  readonly teamId = 'TEAM123456';
  readonly topic = 'com.example.chatx';
  readonly keyPem: string;
  private readonly publicKey: string;

  constructor() {
    super();
    const { privateKey, publicKey } = generateKeyPairSync('ec', {
      namedCurve: 'P-256',
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    this.keyPem = privateKey;
    this.publicKey = publicKey;
  }

  env(): Record<string, string> {
    return {
      APNS_KEY_ID: this.keyId,
      APNS_TEAM_ID: this.teamId,
      APNS_KEY: this.keyPem.replace(/\n/g, '\\n'),
      APNS_TOPIC: this.topic,
      APNS_HOST: this.url,
    };
  }

  async start(): Promise<this> {
    this.server = createH2Server();
    this.server.on('stream', (stream, headers) => {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const { status, body } = this.handle(headers, Buffer.concat(chunks));
        stream.respond({ ':status': status, 'apns-id': randomBytes(8).toString('hex'), ...body.headers });
        stream.end(body.text);
      });
    });
    this.url = `http://127.0.0.1:${await listen(this.server)}`;
    return this;
  }

  private handle(h: IncomingHttpHeaders, raw: Buffer) {
    const token = /^\/3\/device\/([0-9a-f]+)$/.exec(String(h[':path']))?.[1] ?? '';
    const reply = (status: number, reason?: string, headers: Record<string, string> = {}) => ({
      status,
      body: { text: reason ? JSON.stringify({ reason }) : '', headers },
    });
    try {
      const bearer = /^bearer (.+)$/.exec(String(h.authorization ?? ''))?.[1] ?? '';
      const decoded = jwt.decode(bearer, { complete: true });
      if (decoded?.header.kid !== this.keyId) throw new Error('kid is not the key id');
      jwt.verify(bearer, this.publicKey, { algorithms: ['ES256'], issuer: this.teamId });
      if (h['apns-topic'] !== this.topic) throw new Error('wrong apns-topic');
      if (h['apns-push-type'] !== 'alert') throw new Error('wrong apns-push-type');
    } catch (err) {
      this.fail(`apns: ${(err as Error).message}`);
      return reply(403, 'InvalidProviderToken');
    }
    const scripted = this.next(token);
    if (scripted)
      return reply(scripted.status, (scripted.body as { reason?: string })?.reason, scripted.headers);
    this.record({ target: token, payload: JSON.parse(raw.toString('utf8')), headers: h });
    return reply(200);
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

/** FCM HTTP v1 and Google's OAuth2 token endpoint: the JWT grant, then bearer-authorized sends. */
export class FcmStub extends Recorder {
  private server!: Server;
  url = '';
  readonly projectId = 'chatx-test';
  readonly clientEmail = 'push@chatx-test.iam.gserviceaccount.com';
  private readonly privateKey: string;
  private readonly publicKey: string;
  private readonly issued = new Set<string>();
  tokenRequests = 0;

  constructor() {
    super();
    const { privateKey, publicKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
      publicKeyEncoding: { type: 'spki', format: 'pem' },
    });
    this.privateKey = privateKey;
    this.publicKey = publicKey;
  }

  env(): Record<string, string> {
    return {
      FCM_SERVICE_ACCOUNT: JSON.stringify({
        type: 'service_account',
        project_id: this.projectId,
        client_email: this.clientEmail,
        private_key: this.privateKey,
        token_uri: `${this.url}/token`,
      }),
      FCM_ENDPOINT: this.url,
    };
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.url = `http://127.0.0.1:${await listen(this.server)}`;
    return this;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const body = (await readBody(req)).toString('utf8');
    try {
      if (req.url === '/token') {
        this.tokenRequests += 1;
        const form = new URLSearchParams(body);
        if (form.get('grant_type') !== 'urn:ietf:params:oauth:grant-type:jwt-bearer')
          throw new Error('grant');
        const claims = jwt.verify(form.get('assertion') ?? '', this.publicKey, {
          algorithms: ['RS256'],
          audience: `${this.url}/token`,
          issuer: this.clientEmail,
        }) as { scope?: string };
        if (claims.scope !== 'https://www.googleapis.com/auth/firebase.messaging') throw new Error('scope');
        const token = randomBytes(16).toString('hex');
        this.issued.add(token);
        return answer(
          res,
          { status: 200, body: { access_token: token, expires_in: 3600, token_type: 'Bearer' } },
          200,
        );
      }
      if (req.url !== `/v1/projects/${this.projectId}/messages:send`)
        return answer(res, { status: 404 }, 404);
      const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1] ?? '';
      if (!this.issued.has(bearer)) throw new Error('bearer token was not issued here');
      const { message } = JSON.parse(body) as { message: { token: string; data: Record<string, string> } };
      const scripted = this.next(message.token);
      if (scripted) return answer(res, scripted, 200);
      this.record({ target: message.token, payload: message.data, headers: req.headers });
      answer(res, { status: 200, body: { name: `projects/${this.projectId}/messages/1` } }, 200);
    } catch (err) {
      this.fail(`fcm: ${(err as Error).message}`);
      answer(res, { status: 401 }, 401);
    }
  }

  stop(): Promise<void> {
    return close(this.server);
  }
}

/** A VAPID key pair for a test server (VAPID_* variables). */
export function vapidEnv(): { VAPID_PUBLIC_KEY: string; VAPID_PRIVATE_KEY: string; VAPID_SUBJECT: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const secret = ecdh.getPrivateKey();
  return {
    VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'),
    VAPID_PRIVATE_KEY: Buffer.concat([Buffer.alloc(32 - secret.length), secret]).toString('base64url'),
    VAPID_SUBJECT: 'mailto:push-tests@example.com',
  };
}
