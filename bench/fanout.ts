import { type ChildProcess, fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startRedis } from '../scripts/lib/redis.js';

// Targeted fan-out, measured: N instance processes (bench/fanout/instance.ts) on one redis-server,
// M users spread over them, each instance publishing messages from its users into their chats.
// Run once with the single-channel bus ("before") and once with per-chat channels ("after");
// prints bus messages received per instance and CPU per delivery. `pnpm bench:fanout --help`.

const { values } = parseArgs({
  options: {
    instances: { type: 'string', default: '5' },
    users: { type: 'string', default: '5000' },
    rate: { type: 'string', default: '200' },
    seconds: { type: 'string', default: '6' },
  },
});
const instances = Number(values.instances);
const users = Number(values.users);
const rate = Number(values.rate);
const seconds = Number(values.seconds);

interface Result {
  index: number;
  published: number;
  received: number;
  deliveries: number;
  cpuMs: number;
}

async function runMode(mode: 'before' | 'after', redisUrl: string): Promise<Result[]> {
  const children: ChildProcess[] = [];
  const ready: Promise<unknown>[] = [];
  for (let index = 0; index < instances; index++) {
    const child = fork('bench/fanout/instance.ts', [], {
      execArgv: ['--import', 'tsx'],
      env: {
        ...process.env,
        MODE: mode,
        INDEX: String(index),
        INSTANCES: String(instances),
        USERS: String(users),
        REDIS_URL: redisUrl,
      },
    });
    children.push(child);
    ready.push(new Promise((r) => child.once('message', r)));
  }
  await Promise.all(ready);
  const results = await Promise.all(
    children.map(
      (child) =>
        new Promise<Result>((resolve) => {
          child.once('message', (m) => resolve(m as Result));
          child.send({ type: 'run', rate, seconds });
        }),
    ),
  );
  for (const child of children) child.send({ type: 'stop' });
  return results;
}

function table(mode: string, results: Result[]): string {
  const rows = results.map(
    (r) =>
      `| ${mode} | ${r.index} | ${r.published} | ${r.received} | ${r.deliveries} | ${r.cpuMs.toFixed(0)} | ${((r.cpuMs * 1000) / Math.max(1, r.deliveries)).toFixed(1)} |`,
  );
  const sum = (f: (r: Result) => number) => results.reduce((s, r) => s + f(r), 0);
  const total = `| ${mode} | all | ${sum((r) => r.published)} | ${sum((r) => r.received)} | ${sum((r) => r.deliveries)} | ${sum((r) => r.cpuMs).toFixed(0)} | ${(
    (sum((r) => r.cpuMs) * 1000) /
      Math.max(
        1,
        sum((r) => r.deliveries),
      )
  ).toFixed(1)} |`;
  return [...rows, total].join('\n');
}

const redis = await startRedis();
try {
  const before = await runMode('before', redis.url);
  const after = await runMode('after', redis.url);
  const header = [
    `${instances} instances × ${users} users, ${rate} msg/s published per instance for ${seconds} s`,
    '',
    '| bus | instance | published | bus msgs received | deliveries | CPU ms | CPU µs/delivery |',
    '| --- | -------- | --------- | ----------------- | ---------- | ------ | --------------- |',
  ];
  console.log([...header, table('before', before), table('after', after)].join('\n'));
  mkdirSync('bench/results', { recursive: true });
  const file = `bench/results/fanout-${new Date().toISOString().replace(/[:.]/g, '-')}.json`;
  writeFileSync(file, JSON.stringify({ instances, users, rate, seconds, before, after }, null, 2));
  console.log(`\n(${file})`);
} finally {
  await redis.stop();
}
