import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { type HubSocket, socketClass } from '../../src/realtime/hub-socket.js';

const closers: (() => void)[] = [];
afterEach(() => {
  for (const c of closers.splice(0)) c();
});

/** A real server socket of a hub's class, and its client. */
async function pair(events: string[]): Promise<{ socket: HubSocket; client: WebSocket }> {
  const cls = socketClass({
    message(data) {
      events.push(`message ${String(data)}`);
    },
    close() {
      events.push('close');
    },
    error() {
      events.push('error');
    },
    pong() {
      events.push('pong');
    },
  });
  const wss = new WebSocketServer({ noServer: true, clientTracking: false, WebSocket: cls });
  const server = createServer();
  const accepted = new Promise<HubSocket>((resolve) =>
    server.on('upgrade', (req, s, head) => wss.handleUpgrade(req, s, head, (ws) => resolve(ws as HubSocket))),
  );
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  closers.push(() => server.close());
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  await new Promise((r) => client.once('open', r));
  return { socket: await accepted, client };
}

describe('a hub socket', () => {
  it('makes no listener table until something listens, and listeners still work', async () => {
    const events: string[] = [];
    const { socket, client } = await pair(events);
    expect((socket as unknown as { _events: unknown })._events).toBeUndefined();
    expect(socket.listenerCount('close')).toBe(0);

    client.send('one');
    await new Promise((r) => setTimeout(r, 50));
    expect(events).toEqual(['message one']);

    // Shutdown's kind of listener: runs after the handler.
    const closed = new Promise<void>((resolve) =>
      socket.once('close', () => {
        events.push('close listener');
        resolve();
      }),
    );
    const removed = () => events.push('removed listener');
    socket.on('message', removed);
    socket.off('message', removed);
    expect(socket.listenerCount('close')).toBe(1);
    expect(socket.listenerCount('message')).toBe(0);
    client.close();
    await closed;
    expect(events).toEqual(['message one', 'close', 'close listener']);
    expect(socket.listenerCount('close')).toBe(0);
  });
});
