import type { IncomingMessage } from 'node:http';

/**
 * The client's address as Express computes `req.ip` with `trust proxy` set to `hops`: the socket's
 * peer, unless `hops` proxies are trusted, then the entry that many places from the right of
 * X-Forwarded-For (or its left-most entry when there are fewer). For requests Express never sees,
 * such as WebSocket upgrades; test/security/limits-connections.test.ts checks the two agree.
 */
export function clientIp(req: IncomingMessage, hops: number): string {
  const peer = req.socket.remoteAddress ?? '';
  if (hops === 0) return peer;
  const header = req.headers['x-forwarded-for'];
  const chain = [peer, ...forwardedFor(Array.isArray(header) ? header.join(',') : (header ?? ''))];
  return chain[Math.min(hops, chain.length - 1)] ?? peer;
}

/** X-Forwarded-For entries, nearest proxy first; the same parse as the `forwarded` package's. */
function forwardedFor(header: string): string[] {
  const list: string[] = [];
  let end = header.length;
  let start = header.length;
  for (let i = header.length - 1; i >= 0; i--) {
    const c = header.charCodeAt(i);
    if (c === 0x20) {
      if (start === end) start = end = i;
    } else if (c === 0x2c) {
      if (start !== end) list.push(header.substring(start, end));
      start = end = i;
    } else {
      start = i;
    }
  }
  if (start !== end) list.push(header.substring(start, end));
  return list;
}
