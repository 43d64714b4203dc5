import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import pino from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection, defaultConnectionLimits } from '../../src/realtime/connection.js';
import { encodeFrame } from '../../src/realtime/wire.js';

/** A real socket pair: the server's side as a Connection, the client's as a ws WebSocket. */
async function pair(
  limits = defaultConnectionLimits,
): Promise<{ conn: Connection; stream: Socket; client: WebSocket; server: Server }> {
  const server = createServer();
  const wss = new WebSocketServer({ noServer: true });
  const accepted = new Promise<{ conn: Connection; stream: Socket }>((resolve) =>
    server.on('upgrade', (req, socket, head) =>
      wss.handleUpgrade(req, socket, head, (ws) =>
        resolve({
          conn: new Connection('c1', ws, socket, { log: pino({ level: 'silent' }), limits }),
          stream: socket as Socket,
        }),
      ),
    ),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise((r) => client.once('open', r));
  return { ...(await accepted), client, server };
}

const received = (client: WebSocket, n: number) =>
  new Promise<unknown[]>((resolve) => {
    const got: unknown[] = [];
    client.on('message', (d) => {
      got.push(JSON.parse(String(d)));
      if (got.length === n) resolve(got);
    });
  });

describe('a connection’s writes', () => {
  let server: Server | undefined;
  afterEach(() => {
    server?.closeAllConnections();
    server?.close();
  });

  it('sends a lone frame with one plain write, and a turn’s several frames in order with one writev', async () => {
    const p = await pair();
    server = p.server;
    const write = vi.spyOn(p.stream, '_write');
    const writev = vi.spyOn(p.stream, '_writev');
    const frame = (i: number) => encodeFrame({ type: 'error', code: 'not_found', message: `m${i}` });

    const one = received(p.client, 1);
    p.conn.write(frame(0));
    expect(write).not.toHaveBeenCalled(); // held until the turn's work is done
    await one;
    expect(write).toHaveBeenCalledTimes(1);
    expect(writev).not.toHaveBeenCalled();

    write.mockClear();
    const three = received(p.client, 3);
    for (const i of [1, 2, 3]) p.conn.write(frame(i));
    expect((await three).map((f) => (f as { message: string }).message)).toEqual(['m1', 'm2', 'm3']);
    expect(writev).toHaveBeenCalledTimes(1);
    expect(writev.mock.calls[0]?.[0]).toHaveLength(3);
    expect(write).not.toHaveBeenCalled();
  });

  it('sends a frame written just before a close ahead of the close frame', async () => {
    const p = await pair();
    server = p.server;
    const messages: unknown[] = [];
    p.client.on('message', (d) => messages.push(JSON.parse(String(d))));
    const closed = new Promise<number>((r) => p.client.once('close', r));
    p.conn.send({ type: 'error', code: 'unauthorized', message: 'why' });
    p.conn.close(4401, 'unauthorized');
    expect(await closed).toBe(4401);
    expect(messages).toEqual([{ type: 'error', code: 'unauthorized', message: 'why' }]);
  });

  it('drops what waits when ws answers the client’s close in the same turn, and closes cleanly', async () => {
    // ws answers a client's close frame itself (not through Connection.close), then ends the
    // socket: what the turn wrote must not follow its close frame, nor be written after the end.
    const p = await pair();
    server = p.server;
    const errors: unknown[] = [];
    p.stream.on('error', (e) => errors.push(e));
    p.conn.socket.on('message', () =>
      p.conn.send({ type: 'error', code: 'validation_failed', message: 'late' }),
    );
    const serverClosed = new Promise<number>((r) => p.conn.socket.once('close', r));
    const closed = new Promise<number>((r) => p.client.once('close', r));
    p.client.send('{}'); // the server answers it in the turn that also reads the close below
    p.client.close(1000, 'bye');
    expect(await closed).toBe(1000);
    expect(await serverClosed).toBe(1000);
    await new Promise((r) => setTimeout(r, 50));
    expect(errors).toEqual([]);
  });

  it('counts what waits in the turn against the buffered-bytes limit', async () => {
    const p = await pair({ ...defaultConnectionLimits, maxBufferedBytes: 1_000 });
    server = p.server;
    const closed = new Promise<number>((r) => p.client.once('close', r));
    const big = encodeFrame({ type: 'error', code: 'not_found', message: 'x'.repeat(600) });
    for (let i = 0; i < 3; i++) p.conn.write(big); // 1,800 bytes in one turn, nothing in the stream yet
    expect(await closed).toBe(1013);
  });
});
