import type { IncomingMessage } from 'node:http';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { clientIp } from '../../src/lib/client-ip.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

/** Opens a socket without authenticating; resolves with 101 (open) or the HTTP status it was refused with. */
function dial(url: string, xff?: string): Promise<{ status: number; ws: WebSocket }> {
  const ws = new WebSocket(url, { headers: xff ? { 'X-Forwarded-For': xff } : {} });
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ status: 101, ws }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode ?? 0, ws });
      res.resume();
    });
    ws.once('error', reject);
  });
}

describe('WebSocket connections per client address', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ env: { MAX_CONNECTIONS_PER_IP: '3', TRUST_PROXY_HOPS: '1' } });
  });
  afterAll(() => srv.close());

  it('refuses an upgrade beyond MAX_CONNECTIONS_PER_IP with 429, counting sockets not yet authenticated', async () => {
    const open = await Promise.all([1, 2, 3].map(() => dial(srv.wsUrl, '192.0.2.10')));
    expect(open.map((o) => o.status)).toEqual([101, 101, 101]);
    expect((await dial(srv.wsUrl, '192.0.2.10')).status).toBe(429);
    // Other addresses are not affected.
    const other = await dial(srv.wsUrl, '192.0.2.11');
    expect(other.status).toBe(101);
    other.ws.terminate();
    // A closed socket frees its slot.
    const first = open[0]?.ws as WebSocket;
    const closed = new TestSocket(first).closed;
    first.terminate();
    await closed;
    await vi.waitFor(() => expect(srv.running.hub.connectionsFrom('192.0.2.10')).toBe(2));
    const again = await dial(srv.wsUrl, '192.0.2.10');
    expect(again.status).toBe(101);
    for (const o of [...open.slice(1), again]) o.ws.terminate();
  });

  it('counts the address the trusted proxy saw, not a left-most one a client claims', async () => {
    const open = await Promise.all([1, 2, 3].map(() => dial(srv.wsUrl, '198.51.100.1, 192.0.2.20')));
    expect(open.map((o) => o.status)).toEqual([101, 101, 101]);
    expect((await dial(srv.wsUrl, '198.51.100.2, 192.0.2.20')).status).toBe(429);
    for (const o of open) o.ws.terminate();
  });
});

describe('clientIp', () => {
  it('picks the same address as Express for every TRUST_PROXY_HOPS', async () => {
    const cases = [
      '',
      '203.0.113.1',
      '198.51.100.9, 203.0.113.1',
      '10.0.0.1,10.0.0.2, 10.0.0.3',
      ' , 203.0.113.5',
    ];
    for (const hops of [0, 1, 2, 3]) {
      const app = express();
      app.set('trust proxy', hops);
      app.get('/', (req, res) => {
        res.json({ express: req.ip, ours: clientIp(req as unknown as IncomingMessage, hops) });
      });
      for (const xff of cases) {
        const r = request(app).get('/');
        const res = await (xff ? r.set('X-Forwarded-For', xff) : r);
        expect(res.body.ours, `hops=${hops} xff="${xff}"`).toBe(res.body.express);
      }
    }
  });
});
