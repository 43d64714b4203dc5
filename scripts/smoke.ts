// pnpm smoke --base-url https://chatx-staging.example.com
// End-to-end check of a running deployment: readiness, two throwaway accounts, two WebSocket
// connections, a direct chat and a message each way with acks. Exits non-zero with one clear
// line on the first failure.
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import { ChatClient, type Message } from '../src/client/index.js';
import { nodeConnect } from '../src/client/node.js';

const { values } = parseArgs({
  options: { 'base-url': { type: 'string' }, timeout: { type: 'string', default: '60' } },
});
const base = values['base-url']?.replace(/\/+$/, '');
if (!base || !/^https?:\/\//.test(base)) {
  process.stderr.write('usage: pnpm smoke --base-url https://host [--timeout seconds]\n');
  process.exit(2);
}
const wsUrl = `${base.replace(/^http/, 'ws')}/v1/ws`;

class SmokeFailure extends Error {}
const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
  try {
    const result = await fn();
    process.stdout.write(`ok   ${name}\n`);
    return result;
  } catch (err) {
    throw new SmokeFailure(`FAIL ${name}: ${err instanceof Error ? err.message : String(err)}`);
  }
};

async function api(path: string, init: { method?: string; token?: string; body?: unknown } = {}) {
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body ? 'POST' : 'GET'),
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
    },
    ...(init.body ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${text.slice(0, 200)}`);
  return text ? JSON.parse(text) : undefined;
}

async function signUp(tag: string) {
  const name = `smoke_${tag}_${randomBytes(4).toString('hex')}`;
  const body = await api('/v1/auth/signup', {
    body: {
      email: `${name}@smoke.chatx.invalid`,
      password: randomBytes(12).toString('base64url'),
      userName: name,
    },
  });
  return { id: body.user.id as string, token: body.accessToken as string };
}

/** Records every message a client receives, so a wait can start after the message arrived. */
function inbox(client: ChatClient) {
  const seen = new Set<string>();
  const waiters = new Map<string, () => void>();
  client.on('message', (m: Message) => {
    seen.add(m.id);
    waiters.get(m.id)?.();
  });
  return (id: string) => (seen.has(id) ? Promise.resolve() : new Promise<void>((r) => waiters.set(id, r)));
}

async function main(): Promise<void> {
  await step('GET /healthz', () => api('/healthz'));
  await step('GET /readyz', async () => {
    const r = await api('/readyz');
    if (r.status !== 'ok') throw new Error(`status is ${r.status}`);
  });
  const [a, b] = await step('sign up two throwaway users', () => Promise.all([signUp('a'), signUp('b')]));
  const chat = await step('create a direct chat', () =>
    api('/v1/chats', { token: a.token, body: { type: 'direct', userId: b.id } }),
  );
  const connect = (u: { token: string }) =>
    new ChatClient({ url: wsUrl, token: () => u.token, authHeader: true, connect: nodeConnect });
  const [ca, cb] = [connect(a), connect(b)];
  const received = new Map([
    [ca, inbox(ca)],
    [cb, inbox(cb)],
  ]);
  try {
    await step(`open two WebSockets to ${wsUrl}`, () => Promise.all([ca.open(), cb.open()]));
    for (const [from, to, label] of [
      [ca, cb, 'a → b'],
      [cb, ca, 'b → a'],
    ] as const) {
      await step(`message ${label}, acked and delivered`, async () => {
        const sent = await from.send(chat.id, `smoke ${label} ${new Date().toISOString()}`);
        const history = await api(`/v1/chats/${chat.id}/messages/${sent.id}`, { token: a.token });
        if (history.id !== sent.id) throw new Error('acked message is not in history');
        await received.get(to)?.(sent.id);
      });
    }
  } finally {
    ca.close();
    cb.close();
  }
}

const timer = setTimeout(() => {
  process.stderr.write(`FAIL smoke test timed out after ${values.timeout} s\n`);
  process.exit(1);
}, Number(values.timeout) * 1000);
main().then(
  () => {
    clearTimeout(timer);
    process.stdout.write(`smoke test passed against ${base}\n`);
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof SmokeFailure ? err.message : `FAIL ${String(err)}`}\n`);
    process.exit(1);
  },
);
