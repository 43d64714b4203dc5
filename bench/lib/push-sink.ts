import { createECDH, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A Web Push service for the bench: accepts every push (201) and counts it, nothing more, so
 * its own cost stays out of the numbers (the tests' stub is the one that decrypts and verifies).
 */
export class PushSink {
  received = 0;
  url = '';
  private server: Server | undefined;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        this.received += 1;
        res.writeHead(201).end();
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** A subscription body for POST /v1/devices (keys are real P-256 / 16 bytes; nobody decrypts). */
  subscription(): object {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    return {
      platform: 'webpush',
      subscription: {
        endpoint: `${this.url}/p/${randomBytes(8).toString('hex')}`,
        keys: {
          p256dh: ecdh.getPublicKey().toString('base64url'),
          auth: randomBytes(16).toString('base64url'),
        },
      },
    };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => {
      this.server?.closeAllConnections();
      this.server?.close(() => resolve());
    });
  }
}

/** VAPID variables for a bench server with Web Push on. */
export function vapidEnv(): Record<string, string> {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const secret = ecdh.getPrivateKey();
  return {
    VAPID_PUBLIC_KEY: ecdh.getPublicKey().toString('base64url'),
    VAPID_PRIVATE_KEY: Buffer.concat([Buffer.alloc(32 - secret.length), secret]).toString('base64url'),
    VAPID_SUBJECT: 'mailto:bench@bench.invalid',
  };
}
