// pnpm bench [--smoke] [--clients 1000] [--room 10] [--rate 2000] [--duration 8] [--warmup 3] [--only ws,socketio,chatx]
//            [--scaling] [--no-persist] [--push] [--runs 3]
// Starts each server pinned to core 0, drives the same open-loop load at it from core 1, and
// prints one table (JSON in bench/results/). See bench/README.md for what the columns mean.
import { type ChildProcess, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { freePort, startDynamoLocal } from '../scripts/lib/dynamodb-local.js';
import { webCommand } from '../scripts/lib/procfile.js';
import { waitForPort } from '../scripts/lib/redis.js';
import { createDb } from '../src/db/client.js';
import { createTables } from '../src/db/create-tables.js';
import { cpuSeconds, cpuSecondsByThread, mainThreadCpuSeconds, rssBytes } from './lib/proc.js';
import { PushSink, vapidEnv } from './lib/push-sink.js';
import { scalingTable, spread, summaryTable } from './lib/summary.js';
import { warmDynamoLocal } from './lib/warm-dynamo.js';
import type { LoadConfig } from './loadgen.js';
import { measurePersistence, type PersistResult } from './persist.js';

// Node 20 is fine for the bench; quiet the SDK's Node 22 notice (read when a client is built).
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const { values } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: false },
    clients: { type: 'string' },
    room: { type: 'string', default: '10' },
    rate: { type: 'string' },
    duration: { type: 'string' },
    /** Seconds sent at the same rate before the measured window (default 3; 0 with --smoke). */
    warmup: { type: 'string' },
    only: { type: 'string', default: 'ws,socketio,chatx' },
    scaling: { type: 'boolean', default: false },
    'no-persist': { type: 'boolean', default: false },
    /** Chat-X with push on (every member has a device), off, and on with sends on the event loop. */
    push: { type: 'boolean', default: false },
    /** Each configuration this many times (default 3; 1 with --smoke): medians and spreads. */
    runs: { type: 'string' },
  },
});
const smoke = values.smoke ?? false;
const clients = Number(values.clients ?? (smoke ? 40 : 1000));
const roomSize = Number(values.room);
const rate = Number(values.rate ?? (smoke ? 100 : 2000));
const durationMs = Number(values.duration ?? (smoke ? 2 : 8)) * 1000;
const warmupMs = Number(values.warmup ?? (smoke ? 0 : 3)) * 1000;
const only = new Set((values.only ?? '').split(','));
const root = new URL('../', import.meta.url).pathname;
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export interface RunResult {
  server: string;
  clients: number;
  rate: number;
  deliveriesPerSec: number;
  lost: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  cpuUsPerDelivery: number;
  /** The main thread's alone (the event loop, where the message path runs): no worker threads. */
  loopCpuUsPerDelivery: number;
  /** µs per delivery by thread name: where the CPU besides the event loop's goes (GC helpers, libuv's pool). */
  cpuUsByThread: Record<string, number>;
  rssMB: number;
  kbPerConnection: number;
  /** The V8 heap in use (after full GCs) the connections added, per connection: what JS retains. */
  heapKbPerConnection: number;
  ackP50?: number;
  ackP99?: number;
  acked?: number;
  sent: number;
  errors: number;
  /** The load generator's CPU (% of one core): with DynamoDB Local, all three share two cores. */
  loadgenCpuPct: number;
  dynamoCpuPct?: number;
  /** --push: pushes the push service received during the send window and drain. */
  pushes?: number;
  /** Chat-X: DynamoDB requests the server made in the send window (its /metrics), per message sent. */
  dynamoPerMessage?: number;
  /** Chat-X: those requests by operation. */
  dynamoCalls?: Record<string, number>;
}

const pinned = (core: number, args: string[], extraEnv: Record<string, string> = {}) =>
  spawn('taskset', ['-c', String(core), process.execPath, ...args], {
    cwd: root,
    env: { ...env, ...extraEnv },
    stdio: ['pipe', 'pipe', 'inherit'],
  });

/** chatx_dynamodb_calls_total by operation (and their sum), from the server's Prometheus endpoint. */
async function dynamoCalls(
  metricsPort: number,
): Promise<{ total: number; byOperation: Record<string, number> }> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const byOperation: Record<string, number> = {};
  let total = 0;
  for (const line of text.split('\n')) {
    if (!line.startsWith('chatx_dynamodb_calls_total')) continue;
    const n = Number(line.split(' ').pop());
    const op = /operation="([^"]+)"/.exec(line)?.[1] ?? '?';
    byOperation[op] = (byOperation[op] ?? 0) + n;
    total += n;
  }
  return { total, byOperation };
}

/** The Procfile's `web: node …` command's arguments (Node flags and script). */
function procfileArgs(): string[] {
  const [bin, ...args] = webCommand(root);
  if (bin !== 'node') throw new Error('Procfile: expected a `web: node …` line');
  return args;
}

async function startServer(
  kind: string,
  extraEnv: Record<string, string>,
): Promise<{ proc: ChildProcess; port: number; metricsPort: number; memLog: string }> {
  const port = await freePort();
  const metricsPort = await freePort();
  const memLog = join(mkdtempSync(join(tmpdir(), 'chatx-bench-mem-')), 'memory.jsonl');
  // Chat-X runs as deployed: the Procfile's command, with its Node flags (the relays: Node's defaults).
  const args =
    kind === 'chatx'
      ? procfileArgs()
      : ['--import', 'tsx', kind === 'ws' ? 'bench/relays/ws-relay.ts' : 'bench/relays/socketio-relay.ts'];
  // BENCH_CPU_PROF=<dir>: a V8 CPU profile of each server's send window (bench/lib/prof-on-signal.cjs;
  // open it in Chrome DevTools, or summarise it with bench/lib/top-frames.ts).
  const prof = process.env.BENCH_CPU_PROF ? ['--require', './bench/lib/prof-on-signal.cjs'] : [];
  // BENCH_SERVER_FLAGS: Node flags for every server alike (e.g. `--trace-gc`, `--max-semi-space-size=64`),
  // after the server's own so that they win (V8 takes a flag's last value).
  const extra = process.env.BENCH_SERVER_FLAGS
    ? process.env.BENCH_SERVER_FLAGS.split(' ').filter(Boolean)
    : [];
  const script = args.at(-1) as string;
  const flags = [...args.slice(0, -1), ...extra];
  // The young generation at its full size from the start (its maximum: 16 MB semi-spaces by
  // default, which every server reaches under load anyway): otherwise its growth while clients
  // connect counts as memory per connection for a server that had not grown it yet and not for
  // one that had.
  const semi = /^--max-semi-space-size=(\d+)$/;
  const maxSemi =
    flags
      .map((a) => semi.exec(a)?.[1])
      .filter(Boolean)
      .at(-1) ?? '16';
  const memory = [
    `--min-semi-space-size=${maxSemi}`,
    '--expose-gc',
    '--require',
    './bench/lib/gc-on-signal.cjs',
  ];
  const proc = pinned(0, [...prof, ...memory, ...flags, script], {
    ...extraEnv,
    BENCH_MEM_LOG: memLog,
    BENCH_PROF_NAME: kind,
    PORT: String(port),
    METRICS_PORT: String(metricsPort),
  });
  // BENCH_SERVER_OUT=<prefix>: each server's stdout (logs, --trace-gc) to <prefix>-<server>.log.
  if (process.env.BENCH_SERVER_OUT)
    proc.stdout?.pipe(createWriteStream(`${process.env.BENCH_SERVER_OUT}-${kind}.log`));
  else proc.stdout?.resume();
  await waitForPort(port, 30_000);
  return { proc, port, metricsPort, memLog };
}

/** RSS and V8 heap in use, after full GCs in the server (see bench/lib/gc-on-signal.cjs). */
async function settledMemory(pid: number, memLog: string): Promise<{ rss: number; heapUsed: number }> {
  // V8 hands the pages a collection freed back to the OS gradually, over later collections: a
  // server that made more garbage takes more rounds (Chat-X's connect path at 10,000 clients: 8
  // or more). Until RSS has not fallen for two rounds in a row, or 20 rounds.
  let rss = Number.POSITIVE_INFINITY;
  let flat = 0;
  for (let i = 0; i < 20 && flat < 2; i++) {
    process.kill(pid, 'SIGUSR2');
    await new Promise((r) => setTimeout(r, 700));
    const now = rssBytes(pid);
    flat = now > rss * 0.99 ? flat + 1 : 0;
    rss = Math.min(rss, now);
  }
  const last = readFileSync(memLog, 'utf8').trim().split('\n').pop() as string;
  return { rss, heapUsed: (JSON.parse(last) as { heapUsed: number }).heapUsed };
}

/** The load generator's first line (its `connected` report). */
function lineFrom(proc: ChildProcess): Promise<string> {
  return new Promise((resolve) =>
    createInterface({ input: proc.stdout as NodeJS.ReadableStream }).once('line', resolve),
  );
}

async function drive(
  cfg: LoadConfig,
  server: { pid: number; memLog: string },
  dynamoPid?: number,
  metricsPort?: number,
) {
  const serverPid = server.pid;
  const dir = mkdtempSync(join(tmpdir(), 'chatx-bench-'));
  const file = join(dir, 'load.json');
  writeFileSync(file, JSON.stringify(cfg));
  // Warm-up: 100 clients connect and go, so the server's one-time work on its first connections
  // (compiling the connect path, lazy module state: ~20 MB for Chat-X) is not counted per
  // connection. Their users are among those measured (1–2% of 5,000–10,000): their caches stay.
  if (cfg.clients.length >= 1000) {
    const warmFile = join(dir, 'warm.json');
    writeFileSync(warmFile, JSON.stringify({ ...cfg, clients: cfg.clients.slice(0, 100) }));
    const warm = pinned(1, ['--import', 'tsx', 'bench/loadgen.ts', warmFile]);
    const report = await lineFrom(warm);
    warm.kill('SIGKILL');
    if (!report.includes('"connected"')) throw new Error(`warm-up load generator: ${report}`);
    await new Promise((r) => setTimeout(r, 1_000));
  }
  const before = await settledMemory(serverPid, server.memLog);
  const gen = pinned(1, ['--import', 'tsx', 'bench/loadgen.ts', file]);
  const lines = createInterface({ input: gen.stdout as NodeJS.ReadableStream });
  const next = () =>
    new Promise<Record<string, number | string>>((resolve) =>
      lines.once('line', (l) => resolve(JSON.parse(l))),
    );
  const connected = await next();
  if (connected.phase !== 'connected') throw new Error(`load generator: ${JSON.stringify(connected)}`);
  const withClients = await settledMemory(serverPid, server.memLog);
  if (cfg.warmupMs > 0) {
    gen.stdin?.write('warm\n');
    const warmed = await next();
    if (warmed.phase !== 'warmed') throw new Error(`load generator: ${JSON.stringify(warmed)}`);
  }
  const calls0 = metricsPort ? await dynamoCalls(metricsPort) : undefined;
  const cpu0 = cpuSeconds(serverPid);
  const threads0 = cpuSecondsByThread(serverPid);
  const loop0 = mainThreadCpuSeconds(serverPid);
  const dyn0 = dynamoPid ? cpuSeconds(dynamoPid) : 0;
  const t0 = Date.now();
  if (process.env.BENCH_CPU_PROF) process.kill(serverPid, 'SIGTTIN');
  gen.stdin?.write('go\n');
  const done = await next();
  if (process.env.BENCH_CPU_PROF) {
    process.kill(serverPid, 'SIGTTOU');
    await new Promise((r) => setTimeout(r, 1_500)); // it writes the profile
  }
  const wall = (Date.now() - t0) / 1000;
  const cpu = cpuSeconds(serverPid) - cpu0;
  const threads1 = cpuSecondsByThread(serverPid);
  const loop = mainThreadCpuSeconds(serverPid) - loop0;
  const dyn = dynamoPid ? cpuSeconds(dynamoPid) - dyn0 : 0;
  if (done.phase !== 'done') throw new Error(`load generator: ${JSON.stringify(done)}`);
  const delivered = Number(done.delivered);
  // DynamoDB requests of the send window alone (not sign-ups and start-up), per operation.
  const calls1 = metricsPort ? await dynamoCalls(metricsPort) : undefined;
  const windowCalls: Record<string, number> = {};
  if (calls0 && calls1)
    for (const [op, n] of Object.entries(calls1.byOperation)) {
      const d = n - (calls0.byOperation[op] ?? 0);
      if (d > 0) windowCalls[op] = d;
    }
  return {
    done,
    result: {
      clients: cfg.clients.length,
      rate: cfg.rate,
      deliveriesPerSec: Math.round(delivered / (cfg.durationMs / 1000)),
      lost: Number(done.lost),
      p50: Number(done.p50),
      p90: Number(done.p90),
      p99: Number(done.p99),
      max: Number(done.max),
      cpuUsPerDelivery: (cpu / Math.max(1, delivered)) * 1e6,
      loopCpuUsPerDelivery: (loop / Math.max(1, delivered)) * 1e6,
      cpuUsByThread: Object.fromEntries(
        Object.entries(threads1)
          .map(([name, s]) => [name, ((s - (threads0[name] ?? 0)) / Math.max(1, delivered)) * 1e6])
          .filter(([, us]) => (us as number) > 0),
      ),
      rssMB: rssBytes(serverPid) / 2 ** 20,
      kbPerConnection: (withClients.rss - before.rss) / cfg.clients.length / 1024,
      heapKbPerConnection: (withClients.heapUsed - before.heapUsed) / cfg.clients.length / 1024,
      sent: Number(done.sent),
      errors: Number(done.errors),
      ...(cfg.kind === 'chatx'
        ? { acked: Number(done.acked), ackP50: Number(done.ackP50), ackP99: Number(done.ackP99) }
        : {}),
      loadgenCpuPct: Number(done.cpuPct),
      ...(dynamoPid ? { dynamoCpuPct: (dyn / wall) * 100 } : {}),
      ...(calls0 && calls1
        ? {
            dynamoPerMessage: (calls1.total - calls0.total) / Math.max(1, Number(done.sent)),
            dynamoCalls: windowCalls,
          }
        : {}),
    },
  };
}

const rooms = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ room: `room-${Math.floor(i / roomSize)}` }));

async function relay(kind: 'ws' | 'socketio'): Promise<RunResult> {
  const { proc, port, memLog } = await startServer(kind, {});
  try {
    const url = kind === 'ws' ? `ws://127.0.0.1:${port}` : `http://127.0.0.1:${port}`;
    const { result } = await drive(
      { kind, url, clients: rooms(clients), rate, durationMs, warmupMs, drainMs: 2_000, bodyBytes: 100 },
      { pid: proc.pid as number, memLog },
    );
    return { server: kind === 'ws' ? 'bare ws relay' : 'Socket.IO relay', ...result };
  } finally {
    proc.kill('SIGKILL');
  }
}

/** Real sign-ups and real group chats over the REST API: the accounts the load uses. */
async function setUpChatx(
  base: string,
  n: number,
  sink?: PushSink,
): Promise<{ room: string; token: string }[]> {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<Record<string, unknown>>;
  };
  const users: { id: string; token: string }[] = new Array(n);
  for (let i = 0; i < n; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, n - i) }, async (_, j) => {
        const k = i + j;
        // The bench stands in for the load balancer: one client address per user, as in real life.
        const s = await post(
          '/v1/auth/signup',
          { email: `bench${k}@bench.invalid`, password: 'bench-password', userName: `bench_${k}` },
          { 'X-Forwarded-For': `10.${k >> 16}.${(k >> 8) & 255}.${k & 255}` },
        );
        users[k] = { id: (s.user as { id: string }).id, token: s.accessToken as string };
      }),
    );
  }
  const out: { room: string; token: string }[] = new Array(n);
  const groups = Math.ceil(n / roomSize);
  // --push: every member has a device, and each room one member more who never connects, so each
  // message is pushed once for real (the connected ones are skipped as online).
  const offline: { id: string; token: string }[] = [];
  if (sink) {
    for (let g = 0; g < groups; g += 50) {
      await Promise.all(
        Array.from({ length: Math.min(50, groups - g) }, async (_, j) => {
          const k = g + j;
          const s = await post(
            '/v1/auth/signup',
            { email: `away${k}@bench.invalid`, password: 'bench-password', userName: `away_${k}` },
            { 'X-Forwarded-For': `11.${k >> 16}.${(k >> 8) & 255}.${k & 255}` },
          );
          offline[k] = { id: (s.user as { id: string }).id, token: s.accessToken as string };
        }),
      );
    }
    const everyone = [...users, ...offline];
    for (let i = 0; i < everyone.length; i += 50)
      await Promise.all(
        everyone
          .slice(i, i + 50)
          .map((u) => post('/v1/devices', sink.subscription(), { authorization: `Bearer ${u.token}` })),
      );
  }
  for (let g = 0; g < groups; g += 20) {
    await Promise.all(
      Array.from({ length: Math.min(20, groups - g) }, async (_, j) => {
        const members = users.slice((g + j) * roomSize, (g + j + 1) * roomSize);
        const [owner, ...rest] = members;
        const chat = await post(
          '/v1/chats',
          {
            type: 'group',
            name: `bench ${g + j}`,
            memberIds: [...rest.map((u) => u.id), ...(offline[g + j] ? [offline[g + j]?.id] : [])],
          },
          { authorization: `Bearer ${owner?.token}` },
        );
        members.forEach((u, m) => {
          out[(g + j) * roomSize + m] = { room: chat.id as string, token: u.token };
        });
      }),
    );
  }
  return out;
}

/** Push off; on, sending from its worker thread (the default; `first` sets the accounts up); on, sending on the event loop. */
type PushMode = 'off' | 'first' | 'thread' | 'loop';

interface ChatxSession {
  /** One measured run of Chat-X (a fresh server) at n clients and r msg/s. */
  run(n: number, r: number, push: PushMode): Promise<RunResult>;
  stop(): Promise<void>;
}

/** DynamoDB Local (warmed), tables and accounts, kept across runs so each run measures the same thing. */
async function chatxSession(maxClients: number): Promise<ChatxSession> {
  // A busy machine can take more than the default 30 s to start the JVM.
  const local = await startDynamoLocal({ timeoutMs: 120_000 });
  const prefix = `bench${Date.now()}-`;
  const db = createDb({ region: 'us-east-1', endpoint: local.endpoint, tablePrefix: prefix });
  await createTables(db.raw, db.tables);
  if (!smoke) await warmDynamoLocal(db); // smoke checks loss only, not speed
  db.destroy();
  const serverEnv = {
    DYNAMODB_ENDPOINT: local.endpoint,
    TABLE_PREFIX: prefix,
    STAGE: 'test',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'warn',
    TRUST_PROXY_HOPS: '1',
    // Every simulated client connects from 127.0.0.1.
    MAX_CONNECTIONS_PER_IP: '100000',
  };
  const vapid = vapidEnv();
  const sink = values.push ? await new PushSink().start() : undefined;
  let accounts: { room: string; token: string }[] = [];
  return {
    async run(n, r, push) {
      const { proc, port, metricsPort, memLog } = await startServer('chatx', {
        ...serverEnv,
        ...(push === 'off' ? {} : vapid),
        PUSH_SEND_THREAD: push === 'loop' ? 'off' : 'on',
      });
      const pushed0 = sink?.received ?? 0;
      try {
        // Push on first: its server registers the devices (with push off, devices are refused).
        if (accounts.length < n) accounts = await setUpChatx(`http://127.0.0.1:${port}`, maxClients, sink);
        const { result } = await drive(
          {
            kind: 'chatx',
            url: `ws://127.0.0.1:${port}/v1/ws`,
            clients: accounts.slice(0, n),
            rate: r,
            durationMs,
            warmupMs,
            drainMs: 3_000,
            bodyBytes: 100,
          },
          { pid: proc.pid as number, memLog },
          local.process.pid,
          metricsPort,
        );
        const pushName = {
          off: 'push off',
          first: 'push on, thread, first',
          thread: 'push on, thread',
          loop: 'push on, event loop',
        }[push];
        const name = sink ? `Chat-X (durable, ${pushName})` : 'Chat-X (durable)';
        process.stderr.write(`chatx ${n} clients @ ${r}/s: ${JSON.stringify(result)}\n`);
        return { server: name, ...result, ...(sink ? { pushes: sink.received - pushed0 } : {}) };
      } finally {
        proc.kill('SIGTERM');
        await new Promise((res) => proc.once('exit', res));
      }
    },
    async stop() {
      await local.stop();
      await sink?.stop();
    },
  };
}

const f = (n: number | undefined, d = 1) => (n === undefined || Number.isNaN(n) ? '—' : n.toFixed(d));

function table(rows: RunResult[]): string {
  const head =
    '| server | clients | msg/s | deliveries/s | lost | p50 ms | p90 ms | p99 ms | max ms | CPU µs/delivery | loop CPU µs/delivery | RSS MB | KB/conn | heap KB/conn | ack p50 | ack p99 | loadgen CPU | DynamoDB Local CPU | pushes | DynamoDB req/msg |';
  const sep = `|${'---|'.repeat(20)}`;
  const body = rows.map(
    (r) =>
      `| ${r.server} | ${r.clients} | ${r.rate} | ${r.deliveriesPerSec} | ${r.lost} | ${f(r.p50)} | ${f(r.p90)} | ${f(r.p99)} | ${f(r.max)} | ${f(r.cpuUsPerDelivery)} | ${f(r.loopCpuUsPerDelivery)} | ${f(r.rssMB, 0)} | ${f(r.kbPerConnection)} | ${f(r.heapKbPerConnection)} | ${f(r.ackP50)} | ${f(r.ackP99)} | ${f(r.loadgenCpuPct, 0)}% | ${r.dynamoCpuPct === undefined ? '—' : `${f(r.dynamoCpuPct, 0)}%`} | ${r.pushes ?? '—'} | ${r.dynamoPerMessage === undefined ? '—' : f(r.dynamoPerMessage, 3)} |`,
  );
  return [head, sep, ...body].join('\n');
}

function persistTable(p: PersistResult[]): string {
  return [
    '| write path | offered msg/s | persisted msg/s | ack p50 ms | ack p99 ms | failed |',
    '|---|---|---|---|---|---|',
    ...p.map(
      (r) =>
        `| ${r.name} | ${r.offered} | ${Math.round(r.persistedPerSec)} | ${f(r.ackP50)} | ${f(r.ackP99)} | ${r.failed} |`,
    ),
  ].join('\n');
}

/** Chat-X's ratios to the relays in one run (the only comparison that holds on a noisy machine). */
function ratiosOf(rows: RunResult[]) {
  const ws = rows.find((r) => r.server === 'bare ws relay');
  const sio = rows.find((r) => r.server === 'Socket.IO relay');
  const cx = rows.find((r) => r.server.startsWith('Chat-X'));
  // Memory needs only the bare ws relay (`--only ws,chatx` at 5,000 and 10,000 connections).
  return ws && cx
    ? {
        cpuVsSocketIo: sio ? cx.cpuUsPerDelivery / sio.cpuUsPerDelivery : Number.NaN,
        cpuVsWs: cx.cpuUsPerDelivery / ws.cpuUsPerDelivery,
        memoryVsWs: cx.kbPerConnection / ws.kbPerConnection,
        heapVsWs: cx.heapKbPerConnection / ws.heapKbPerConnection,
      }
    : undefined;
}

async function main(): Promise<void> {
  const runs = Number(values.runs ?? (smoke ? 1 : 3));
  const byRun: RunResult[][] = [];
  const scaling: RunResult[][] = [];
  const wantChatx = only.has('chatx') || values.scaling;
  const session = wantChatx ? await chatxSession(values.scaling ? 10_000 : clients) : undefined;
  // --push: on first (its server registers the devices; it also pays for DynamoDB Local's cold
  // read paths: the warm-up only writes), off, on again, and on with sends on the event loop.
  const variants: PushMode[] = values.push ? ['first', 'off', 'thread', 'loop'] : ['off'];
  try {
    // Runs interleave the servers, so a slow spell of the machine hits each of them alike.
    for (let run = 0; run < runs; run++) {
      const rows: RunResult[] = [];
      if (only.has('ws')) rows.push(await relay('ws'));
      if (only.has('socketio')) rows.push(await relay('socketio'));
      if (only.has('chatx') && session)
        for (const push of variants) rows.push(await session.run(clients, rate, push));
      byRun.push(rows);
      process.stderr.write(`run ${run + 1}/${runs} done\n`);
    }
    if (values.scaling && session)
      for (const n of [1000, 5000, 10000])
        for (const r of [1000, 2000, 4000]) {
          const cell: RunResult[] = [];
          for (let run = 0; run < runs; run++) cell.push(await session.run(n, r, 'off'));
          scaling.push(cell);
        }
  } finally {
    await session?.stop();
  }
  const persist = smoke || values['no-persist'] ? [] : await measurePersistence();

  const ratios = byRun.map(ratiosOf).filter((r) => r !== undefined);
  let out = '';
  for (const [i, rows] of byRun.entries()) out += `\nRun ${i + 1}:\n${table(rows)}\n`;
  if (runs > 1) out += `\nMedian [min–max] of ${runs} runs:\n${summaryTable(byRun)}\n`;
  if (ratios.length > 0) {
    const cpuSio = spread(
      ratios.map((r) => r.cpuVsSocketIo),
      2,
    );
    const cpuWs = spread(
      ratios.map((r) => r.cpuVsWs),
      2,
    );
    const mem = spread(
      ratios.map((r) => r.memoryVsWs),
      2,
    );
    const heap = spread(
      ratios.map((r) => r.heapVsWs),
      2,
    );
    out += `\nChat-X vs baselines (same run; median [min–max] of ${ratios.length}): CPU/delivery ${cpuSio}× Socket.IO, ${cpuWs}× bare ws; memory/connection ${mem}× bare ws (RSS), ${heap}× (V8 heap in use)\n`;
  }
  if (scaling.length) out += `\nScaling (Chat-X, median [min–max] of ${runs}):\n${scalingTable(scaling)}\n`;
  if (persist.length) out += `\nPersistence on DynamoDB Local:\n${persistTable(persist)}\n`;
  process.stdout.write(out);

  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(root, 'bench/results', `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      { params: { clients, roomSize, rate, durationMs, smoke, runs }, runs: byRun, ratios, scaling, persist },
      null,
      2,
    ),
  );
  process.stdout.write(`results: ${file}\n`);

  const all = [...byRun.flat(), ...scaling.flat()];
  const lost = all.reduce((n, r) => n + r.lost, 0);
  const unacked = all.filter((r) => r.acked !== undefined).reduce((n, r) => n + (r.sent - (r.acked ?? 0)), 0);
  if (smoke && (lost > 0 || unacked > 0)) {
    process.stderr.write(`bench smoke FAILED: ${lost} deliveries lost, ${unacked} sends not acked\n`);
    process.exit(1);
  }
  if (smoke) process.stdout.write('bench smoke: 0 lost, every send acked\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`);
    process.exit(1);
  },
);
