import { describe, expect, it } from 'vitest';
import type { Device } from '../../src/devices/store.js';
import { type PlanSource, plan } from '../../src/push/planner.js';

// The planner over in-memory answers: which reads one plan makes (each is a DynamoDB read
// when not cached), not how they are stored.
describe('push planning reads', () => {
  const device = (userId: string): Device => ({
    id: `d-${userId}`,
    userId,
    platform: 'webpush',
    createdAt: '2026-11-23T00:00:00.000Z',
    targetKey: `k-${userId}`,
    endpoint: `https://push.example/${userId}`,
    p256dh: 'p',
    auth: 'a',
  });
  const members = ['ann', 'bob', 'cat', 'dan', 'eve'];
  const online = new Set(['bob', 'cat', 'dan']);

  function source(devicesRead: string[]): PlanSource {
    return {
      membersOf: async () => members,
      lastOnline: async (ids) => new Map(ids.filter((u) => online.has(u)).map((u) => [u, Infinity])),
      devicesOf: async (u) => {
        devicesRead.push(u);
        return [device(u)];
      },
      settingsOf: async () => new Map(),
      profiles: async (ids) => ids.map((id) => ({ id, name: id, previews: true })),
      badges: async (_u, seqs) => seqs.map((_, i) => i + 1),
    };
  }

  it('reads the devices of members who missed the message only, not of those online', async () => {
    const devicesRead: string[] = [];
    const message = {
      id: 'm1',
      chatId: 'c1',
      senderId: 'ann',
      clientMsgId: 'x1',
      text: 'hi',
      createdAt: '2026-11-23T00:00:01.000Z',
    };
    const deliveries = await plan(source(devicesRead), [{ message, seq: 1, at: Date.now() }]);
    expect(devicesRead).toEqual(['eve']);
    expect(deliveries.map((d) => d.device.userId)).toEqual(['eve']);
  });
});
