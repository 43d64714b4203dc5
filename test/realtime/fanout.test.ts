import { describe, expect, it } from 'vitest';
import type { Connection } from '../../src/realtime/connection.js';
import { Fanout } from '../../src/realtime/fanout.js';
import { Registry } from '../../src/realtime/registry.js';

/** Just what Fanout touches of a connection; records what it is given to write. */
function recorder(id: string, userId: string) {
  const written: Buffer[] = [];
  const conn = {
    id,
    userId,
    chats: new Set<string>(),
    state: 'ready',
    write: (b: Buffer) => written.push(b),
  };
  return { conn: conn as unknown as Connection, written };
}

describe('Fanout', () => {
  it('encodes a message once and writes the same bytes to every recipient but its origin', () => {
    const registry = new Registry();
    const fanout = new Fanout(registry);
    const peers = [recorder('c1', 'u1'), recorder('c2', 'u2'), recorder('c3', 'u2'), recorder('c4', 'u3')];
    for (const p of peers) fanout.join(p.conn, 'g_chat');
    const message = {
      id: '01JABCDEFGHJKMNPQRSTVWXYZ0',
      chatId: 'g_chat',
      senderId: 'u1',
      clientMsgId: 'm1',
      text: 'héllo',
      createdAt: '2026-11-23T00:00:00.000Z',
    };
    fanout.deliver({ type: 'message', chatId: 'g_chat', pos: message.id, message, origin: 'c1' });

    expect(peers[0]?.written).toEqual([]); // the sender's connection got its ack instead
    const frames = peers.slice(1).map((p) => p.written);
    expect(frames.every((f) => f.length === 1)).toBe(true);
    const [first] = frames[0] ?? [];
    expect(frames.every((f) => f[0] === first)).toBe(true); // one Buffer, not one per recipient
    const bytes = first as Buffer;
    const len7 = (bytes[1] as number) & 0x7f; // RFC 6455 §5.2: 7-bit length, or 126/127 for longer
    const payload = bytes.subarray(len7 === 126 ? 4 : len7 === 127 ? 10 : 2).toString('utf8');
    expect(JSON.parse(payload)).toEqual({ type: 'message', message });
  });
});
