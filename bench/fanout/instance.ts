import { performance } from 'node:perf_hooks';
import { createLogger } from '../../src/lib/logger.js';
import type { Connection } from '../../src/realtime/connection.js';
import { Fanout } from '../../src/realtime/fanout.js';
import { RedisBus } from '../../src/realtime/redis-bus.js';
import { Registry } from '../../src/realtime/registry.js';
import { SingleChannelBus } from './single-channel-bus.js';
import { buildWorld, instanceOf, prng } from './world.js';

// One simulated Chat-X instance: the real bus, Registry and Fanout, with one fake connection per
// local user (write() only counts). Driven by bench/fanout.ts over IPC.

const mode = process.env.MODE as 'before' | 'after';
const index = Number(process.env.INDEX);
const world = buildWorld(Number(process.env.INSTANCES), Number(process.env.USERS));
const url = process.env.REDIS_URL as string;
const namespace = 'chatx:bench-';

const bus =
  mode === 'before'
    ? new SingleChannelBus(url, `${namespace}events`, `i${index}`)
    : new RedisBus({
        url,
        namespace,
        instanceId: `i${index}`,
        logger: createLogger({ level: 'silent', pretty: false }),
      });
const registry = new Registry(mode === 'after' ? bus : undefined);
const fanout = new Fanout(registry);
let received = 0;
let deliveries = 0;
bus.subscribe((e, remote) => {
  if (remote) received += 1;
  if (e.type !== 'sessions_ended') fanout.deliver(e);
});

const local: { user: number; conn: Connection }[] = [];
for (let user = 0; user < world.users; user++) {
  if (instanceOf(world, user) !== index) continue;
  const conn = {
    id: `c${user}`,
    userId: `u${user}`,
    chats: new Set<string>(),
    state: 'ready',
    write: () => {
      deliveries += 1;
    },
  } as unknown as Connection;
  registry.addUser(conn);
  local.push({ user, conn });
}

async function prepare(): Promise<void> {
  if (bus instanceof RedisBus) while (!bus.healthy()) await new Promise((r) => setTimeout(r, 20));
  const joins: Promise<void>[] = [];
  for (const { user, conn } of local)
    for (const chat of world.chatsOf[user] ?? []) {
      const p = fanout.join(conn, `chat${chat}`);
      if (p) joins.push(p);
    }
  await Promise.all(joins);
  if (bus instanceof SingleChannelBus) await bus.ready();
  else await bus.watch([]);
}

/** Publishes `rate` messages a second from random local users into their chats, for `seconds`. */
async function run(rate: number, seconds: number) {
  const rnd = prng(1000 + index);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let published = 0;
  const tick = 10;
  while (performance.now() - t0 < seconds * 1000) {
    const due = Math.floor(((performance.now() - t0) / 1000) * rate);
    for (; published < due; published++) {
      const { user, conn } = local[Math.floor(rnd() * local.length)] as (typeof local)[number];
      const chats = world.chatsOf[user] ?? [];
      const chatId = `chat${chats[Math.floor(rnd() * chats.length)]}`;
      const id = `${Date.now().toString(36)}${index}${published}`;
      bus.publish({
        type: 'message',
        chatId,
        pos: id,
        origin: conn.id,
        message: {
          id,
          chatId,
          senderId: conn.userId,
          clientMsgId: id,
          text: 'a short message',
          createdAt: new Date().toISOString(),
        },
      });
    }
    await new Promise((r) => setTimeout(r, tick));
  }
  await new Promise((r) => setTimeout(r, 1_500)); // drain what other instances sent last
  const cpu = process.cpuUsage(cpu0);
  return { index, published, received, deliveries, cpuMs: (cpu.user + cpu.system) / 1000 };
}

process.on('message', (msg: { type: string; rate?: number; seconds?: number }) => {
  if (msg.type === 'run')
    void run(msg.rate ?? 100, msg.seconds ?? 5).then((r) => process.send?.({ type: 'result', ...r }));
  if (msg.type === 'stop') void bus.close().then(() => process.exit(0));
});
void prepare().then(() => process.send?.({ type: 'ready', users: local.length }));
