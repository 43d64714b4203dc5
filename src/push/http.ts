import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';

export interface Answer {
  status: number;
  retryAfter: string | undefined;
  body: Buffer;
}

/**
 * POSTs to push services over kept-alive connections. node:http(s), not fetch: fetch with a
 * timeout signal cost ~4 times the CPU per request (measured, see bench/README's push section).
 * No redirects are followed: a 3xx is a failure, as its status says. A timeout (no byte for
 * `timeoutMs`) rejects with a TimeoutError, not retried: the push may have arrived.
 */
export class PushHttp {
  private readonly http = new HttpAgent({ keepAlive: true });
  private readonly https = new HttpsAgent({ keepAlive: true });

  constructor(private readonly timeoutMs: number) {}

  post(url: URL, headers: Record<string, string | number>, body: Buffer | string): Promise<Answer> {
    const secure = url.protocol === 'https:';
    return new Promise((resolve, reject) => {
      const req = (secure ? httpsRequest : httpRequest)(url, {
        method: 'POST',
        headers,
        agent: secure ? this.https : this.http,
      });
      req.setTimeout(this.timeoutMs, () =>
        req.destroy(Object.assign(new Error('timed out'), { name: 'TimeoutError' })),
      );
      req.on('error', reject);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            retryAfter: res.headers['retry-after'],
            body: Buffer.concat(chunks),
          }),
        );
      });
      req.end(body);
    });
  }

  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}
