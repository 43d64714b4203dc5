import request from 'supertest';
import { ChatClient, type Message } from '../../src/client/index.js';
import { nodeConnect } from '../../src/client/node.js';
import { bearer, type TestUser } from './app.js';

/** A ChatClient that records what it saw: raw message frames, deduped messages and its acks. */
export function tracked(u: TestUser, wsUrl: string) {
  const frames: string[] = [];
  const seen = new Set<string>();
  const c = new ChatClient({
    url: wsUrl,
    token: () => u.accessToken,
    authHeader: true,
    connect: nodeConnect,
    reconnect: { minMs: 50, maxMs: 500 },
  });
  c.on('frame', (f) => {
    if (f.type === 'message') frames.push(f.message.id);
  });
  c.on('message', (m) => seen.add(m.id));
  c.on('ack', (a) => seen.add(a.message.id));
  const drops = { count: 0 };
  c.on('close', (e) => {
    if (e.willReconnect) drops.count += 1;
  });
  const synced = () => new Promise((resolve) => c.on('synced', resolve));
  return { c, frames, seen, synced, drops, user: u };
}

/** A chat's whole history over REST, oldest first. */
export async function history(url: string, u: TestUser, chatId: string): Promise<Message[]> {
  const out: Message[] = [];
  let after = '0'.repeat(26);
  for (;;) {
    const page = await request(url)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(u))
      .query({ after, limit: 100 });
    out.push(...page.body.messages);
    if (!page.body.hasMore) return out;
    after = out.at(-1)?.id as string;
  }
}

/** Polls a condition that has no event to await (what another process delivered). */
export async function waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Sum of a counter's samples (all label values) on a Prometheus text page. */
export function counterTotal(page: string, name: string, labels = ''): number {
  let total = 0;
  for (const line of page.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    if (labels && !line.includes(labels)) continue;
    total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
