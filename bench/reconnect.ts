// pnpm bench:reconnect [--smoke] [--users 100] [--chats 100,10] [--changed 2] [--group 4] [--runs 3]
//                      [--only after,before] [--before /tmp/chatx-before] [--after <tree, default this one>]
// A reconnect storm: N users, each in C small groups, connect and sync once; while they are away,
// k of each user's chats get a message; then all N reconnect at once and sync. Measures the time
// until every device is synced (complete), DynamoDB requests and bytes per reconnect, for this tree
// ("after": the change feed) and for a checkout of cc7ba26 ("before": per-chat cursors), each with
// its own server in-process. See bench/README.md, "Reconnect storm".
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import WebSocket from 'ws';
import { aroundDynamoRequests } from '../test/helpers/dynamo-requests.js';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = new URL('../', import.meta.url).pathname;

interface WorkerConfig {
  side: 'after' | 'before';
  /** The source tree whose server runs: this one, or a checkout of the commit before the feed. */
  root: string;
  endpoint: string;
  users: number;
  chats: number;
  changed: number;
  group: number;
  runs: number;
}

interface StormResult {
  /** From the first connect to the last device's `synced` (complete). */
  allSyncedMs: number;
  deviceP50Ms: number;
  requestsPerReconnect: number;
  /** DynamoDB commands in the storm, by command and table (index), over all N reconnects. */
  byCommand: Record<string, number>;
  /** Change frames (messages, edits…) received between `sync` and `synced`, per reconnect. */
  replayedBytes: number;
  replayedFrames: number;
  /** Everything received on the socket (ready, presence, replay, synced), per reconnect. */
  downBytes: number;
  /** The `sync` frame(s) sent, per reconnect. */
  upBytes: number;
  incomplete: number;
  /** Connections that failed (closed or answered an error) and were retried. */
  errors: number;
}

interface WorkerResult {
  config: Omit<WorkerConfig, 'root' | 'endpoint'>;
  setupSeconds: number;
  storms: StormResult[];
}

// ---------------------------------------------------------------------------------------------
// Worker: one side, one size, `runs` storms on one data set. Runs in its own process so that the
// "before" tree's modules (and SDK) never mix with this one's.

const BUCKET_MS = 2_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `n` in flight. */
async function pool<T>(items: readonly T[], n: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) await fn(items[next++] as T);
    }),
  );
}

function shuffled<T>(xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

interface User {
  id: string;
  accessToken: string;
}

/** One device of one user: keeps what a real client keeps between connections. */
class Device {
  /** after: the token of the last `synced` frame. */
  token: string | undefined;
  /** before: the last message id per chat. */
  cursors: Record<string, string> = {};

  constructor(
    readonly user: User,
    private readonly side: WorkerConfig['side'],
  ) {}

  /**
   * Connects, syncs until complete, and closes; resolves with what crossed the wire. An error (the
   * server answers `unavailable` when DynamoDB times out) is retried after 500 ms, as a client would.
   */
  async reconnect(wsUrl: string) {
    const stats = {
      ms: 0,
      syncedAt: 0,
      replayedBytes: 0,
      replayedFrames: 0,
      downBytes: 0,
      upBytes: 0,
      complete: true,
      errors: 0,
    };
    const started = performance.now();
    for (;;) {
      try {
        await this.connectAndSync(wsUrl, stats);
        stats.ms = stats.syncedAt - started;
        return stats;
      } catch (err) {
        stats.errors += 1;
        if (stats.errors >= 10) throw err;
        await sleep(500);
      }
    }
  }

  private connectAndSync(
    wsUrl: string,
    stats: { [K in 'syncedAt' | 'replayedBytes' | 'replayedFrames' | 'downBytes' | 'upBytes']: number } & {
      complete: boolean;
    },
  ) {
    const ws = new WebSocket(wsUrl, {
      headers: { Authorization: `Bearer ${this.user.accessToken}` },
      perMessageDeflate: false,
    });
    let syncing = false;
    const sync = () => {
      const frame =
        this.side === 'after'
          ? JSON.stringify({ type: 'sync', ...(this.token ? { since: this.token } : {}) })
          : JSON.stringify({ type: 'sync', cursors: this.cursors });
      stats.upBytes += Buffer.byteLength(frame);
      syncing = true;
      ws.send(frame);
    };
    return new Promise<void>((done, fail) => {
      const failed = (err: Error) => {
        ws.removeAllListeners();
        ws.on('error', () => {});
        ws.terminate();
        fail(err);
      };
      ws.on('error', failed);
      ws.on('close', (code) => failed(new Error(`closed ${code} before synced`)));
      ws.on('message', (data: Buffer) => {
        stats.downBytes += data.length;
        const f = JSON.parse(data.toString());
        if (f.type === 'ready') return sync();
        if (f.type === 'error') return failed(new Error(`server error: ${f.code} ${f.message}`));
        if (f.type === 'synced') {
          if (!syncing) return; // an unprompted checkpoint
          syncing = false;
          if (this.side === 'after') {
            this.token = f.token;
            if (!f.complete) return sync();
          } else stats.complete = Object.values(f.complete as Record<string, boolean>).every(Boolean);
          stats.syncedAt = performance.now();
          ws.removeAllListeners('close');
          ws.on('close', () => done());
          return ws.close();
        }
        if (f.message?.chatId) {
          const { chatId, id } = f.message as { chatId: string; id: string };
          if (!(this.cursors[chatId] && this.cursors[chatId] >= id)) this.cursors[chatId] = id;
        }
        if (syncing && f.type !== 'presence') {
          stats.replayedBytes += data.length;
          stats.replayedFrames += 1;
        }
      });
    });
  }
}

/** Counts every DynamoDB command the server sends (the document client shares this stack). */
function countRequests(db: Parameters<typeof aroundDynamoRequests>[0]) {
  const counter = { counting: false, counts: {} as Record<string, number>, inFlight: 0, lastAt: 0 };
  aroundDynamoRequests(db, async (operation, input, run) => {
    if (counter.counting) {
      const { TableName = Object.keys(input.RequestItems ?? {})[0] ?? '', IndexName } = input;
      const table = TableName.slice(TableName.lastIndexOf('-') + 1) + (IndexName ? `/${IndexName}` : '');
      const key = `${operation} ${table}`.trim();
      counter.counts[key] = (counter.counts[key] ?? 0) + 1;
    }
    counter.inFlight += 1;
    try {
      return await run();
    } finally {
      counter.inFlight -= 1;
      counter.lastAt = performance.now();
    }
  });
  /** Resolves once no command has been in flight for `quietMs`. */
  const quiet = async (quietMs: number) => {
    while (counter.inFlight > 0 || performance.now() - counter.lastAt < quietMs) await sleep(50);
  };
  return { counter, quiet };
}

async function worker(cfg: WorkerConfig): Promise<WorkerResult> {
  const src = (path: string) => import(pathToFileURL(join(cfg.root, 'src', path)).href);
  const { start } = (await src('start.ts')) as typeof import('../src/start.js');
  const { loadConfig } = (await src('config.ts')) as typeof import('../src/config.js');
  const { createLogger } = (await src('lib/logger.ts')) as typeof import('../src/lib/logger.js');
  const { createDb } = (await src('db/client.ts')) as typeof import('../src/db/client.js');
  const { createTables } = (await src('db/create-tables.ts')) as typeof import('../src/db/create-tables.js');

  const prefix = `reconnect${cfg.side}${Date.now()}-`;
  const setupDb = createDb({ region: 'us-east-1', endpoint: cfg.endpoint, tablePrefix: prefix });
  await createTables(setupDb.raw, setupDb.tables);
  setupDb.destroy();
  const config = loadConfig({
    STAGE: 'test',
    NODE_ENV: 'test',
    PORT: '0',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    DYNAMODB_ENDPOINT: cfg.endpoint,
    TABLE_PREFIX: prefix,
    // Every simulated device connects from 127.0.0.1 (the older tree ignores this variable).
    MAX_CONNECTIONS_PER_IP: '100000',
  });
  const roomy = { capacity: 100_000, windowSeconds: 1 };
  const running = await start(config, createLogger({ level: 'silent', pretty: false }), {
    limits: { signupPerIp: roomy, loginPerIp: roomy, refreshPerIp: roomy },
    // As test/feed/reconnect-cost.test.ts: 2 s stamp buckets instead of minutes, so a device can be
    // "away since an earlier bucket" without waiting a minute per storm ("before" has no inbox).
    inbox: { bucketMs: BUCKET_MS, marginMs: 200 },
  });
  const { counter, quiet } = countRequests(running.db);
  const wsUrl = `ws://127.0.0.1:${running.port}/v1/ws`;
  const api = async (path: string, body: object, token?: string) => {
    const res = await fetch(`${running.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, unknown>;
    if (res.status !== 201) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
    return json;
  };

  // Setup over the REST API, 16 requests in flight: users, then C rounds of groups, each round
  // putting every user in exactly one group, so every user is in exactly C chats.
  const setupStart = performance.now();
  const users: User[] = [];
  await pool([...Array(cfg.users).keys()], 16, async (i) => {
    const tag = `r${i}_${Math.random().toString(36).slice(2, 8)}`;
    const body = { email: `${tag}@example.com`, password: 'correct horse battery', userName: tag };
    const res = (await api('/v1/auth/signup', body)) as { user: { id: string }; accessToken: string };
    users.push({ id: res.user.id, accessToken: res.accessToken });
  });
  const rounds: { id: string; owner: User }[][] = Array.from({ length: cfg.chats }, () => []);
  const groups = rounds.flatMap((round) => {
    const order = shuffled(users);
    return Array.from({ length: Math.ceil(order.length / cfg.group) }, (_, g) => ({
      round,
      members: order.slice(g * cfg.group, (g + 1) * cfg.group),
    }));
  });
  let msg = 0;
  const post = (chat: { id: string; owner: User }) => {
    msg += 1;
    const body = { clientMsgId: `b${msg}`, text: `message ${msg} `.padEnd(100, 'x') };
    return api(`/v1/chats/${chat.id}/messages`, body, chat.owner.accessToken);
  };
  // Each group gets a first message, so a device has a last message id (a cursor) in every chat.
  await pool(groups, 16, async ({ round, members }) => {
    const [owner, ...others] = members as [User, ...User[]];
    const body = { type: 'group', name: 'Bench', memberIds: others.map((u) => u.id) };
    const chat = { id: (await api('/v1/chats', body, owner.accessToken)).id as string, owner };
    round.push(chat);
    await post(chat);
  });
  const setupSeconds = (performance.now() - setupStart) / 1000;

  const devices = users.map((u) => new Device(u, cfg.side));
  const storms: StormResult[] = [];
  for (let run = 0; run < cfg.runs; run++) {
    // Connect and sync once, a bucket after the last changes: a sync re-reads the chats stamped in
    // its token's bucket, and a device away for a while finds only what changed while it was away.
    // "before" needs this only once: a storm leaves its cursors where a sync would.
    await quiet(cfg.side === 'after' ? BUCKET_MS + 1_000 : 1_000);
    if (cfg.side === 'after' || run === 0)
      await pool(devices, 16, async (d) => {
        d.token = undefined;
        await d.reconnect(wsUrl);
      });
    await quiet(300);

    // Away: k of each user's chats (k rounds) get one message each.
    const changed = Array.from(
      { length: cfg.changed },
      (_, i) => rounds[(run * cfg.changed + i) % cfg.chats],
    );
    await pool(changed.flat() as { id: string; owner: User }[], 16, async (chat) => void (await post(chat)));
    await quiet(1_200); // the activity tracker flushes lastActivityAt every second

    // The storm: everyone at once. Requests are counted until the server has gone quiet again,
    // so work a connect starts after `synced` (presence snapshots) counts too.
    counter.counts = {};
    counter.counting = true;
    const t0 = performance.now();
    const stats = await Promise.all(devices.map((d) => d.reconnect(wsUrl)));
    const allSyncedMs = Math.max(...stats.map((s) => s.syncedAt)) - t0;
    await quiet(1_000);
    counter.counting = false;

    const n = devices.length;
    const sum = (f: (s: (typeof stats)[number]) => number) => stats.reduce((a, s) => a + f(s), 0) / n;
    const ms = stats.map((s) => s.ms).sort((a, b) => a - b);
    storms.push({
      allSyncedMs,
      deviceP50Ms: ms[Math.floor(n / 2)] ?? 0,
      requestsPerReconnect: Object.values(counter.counts).reduce((a, b) => a + b, 0) / n,
      byCommand: counter.counts,
      replayedBytes: sum((s) => s.replayedBytes),
      replayedFrames: sum((s) => s.replayedFrames),
      downBytes: sum((s) => s.downBytes),
      upBytes: sum((s) => s.upBytes),
      incomplete: stats.filter((s) => !s.complete).length,
      errors: stats.reduce((a, s) => a + s.errors, 0),
    });
  }
  await running.close(1_000);
  const { root: _root, endpoint: _endpoint, ...sizes } = cfg;
  return { config: sizes, setupSeconds, storms };
}

// ---------------------------------------------------------------------------------------------
// Orchestrator: one DynamoDB Local for everything, one worker process per side and size.

function runWorker(cfg: WorkerConfig): Promise<WorkerResult> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/reconnect.ts', '--worker', JSON.stringify(cfg)],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const lines = createInterface({ input: child.stdout });
  return new Promise((resolve_, reject) => {
    let result: WorkerResult | undefined;
    lines.on('line', (l) => {
      result = JSON.parse(l);
    });
    child.on('exit', (code) =>
      result && code === 0 ? resolve_(result) : reject(new Error(`worker exited ${code}`)),
    );
  });
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};
const fmt = (x: number, digits = 0) =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** median (min–max) */
const spread = (xs: number[], digits = 0) =>
  `${fmt(median(xs), digits)} (${fmt(Math.min(...xs), digits)}–${fmt(Math.max(...xs), digits)})`;

async function main() {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      users: { type: 'string' },
      chats: { type: 'string' },
      changed: { type: 'string', default: '2' },
      group: { type: 'string', default: '4' },
      runs: { type: 'string' },
      only: { type: 'string', default: 'after,before' },
      before: { type: 'string', default: '/tmp/chatx-before' },
      after: { type: 'string', default: root },
      worker: { type: 'string' },
    },
  });
  if (values.worker) {
    process.stdout.write(`${JSON.stringify(await worker(JSON.parse(values.worker)))}\n`);
    process.exit(0);
  }
  const smoke = values.smoke ?? false;
  const users = Number(values.users ?? (smoke ? 12 : 100));
  const chatCounts = (values.chats ?? (smoke ? '6' : '100,10')).split(',').map(Number);
  const runs = Number(values.runs ?? (smoke ? 1 : 3));
  const sides = (values.only ?? '').split(',') as WorkerConfig['side'][];
  const beforeRoot = resolve(values.before ?? '');
  if (sides.includes('before') && !existsSync(join(beforeRoot, 'node_modules'))) {
    throw new Error(
      `no checkout of the commit before the feed at ${beforeRoot}: run\n` +
        `  git worktree add ${beforeRoot} cc7ba26 && (cd ${beforeRoot} && pnpm install --frozen-lockfile --prefer-offline)\n` +
        'or pass --only after',
    );
  }

  const { startDynamoLocal } = await import('../scripts/lib/dynamodb-local.js');
  const { createDb } = await import('../src/db/client.js');
  const { warmDynamoLocal } = await import('./lib/warm-dynamo.js');
  const local = await startDynamoLocal();
  const results: WorkerResult[] = [];
  try {
    if (!smoke) {
      // Its JVM is several times slower cold (bench/lib/warm-dynamo.ts); setup warms it further.
      const warm = createDb({ region: 'us-east-1', endpoint: local.endpoint, tablePrefix: 'warm-' });
      const { createTables } = await import('../src/db/create-tables.js');
      await createTables(warm.raw, warm.tables);
      await warmDynamoLocal(warm, 15);
      warm.destroy();
    }
    // "after" first: DynamoDB Local only gets warmer, so this order flatters "before" if anything.
    for (const chats of chatCounts)
      for (const side of sides) {
        const cfg: WorkerConfig = {
          side,
          root: side === 'after' ? resolve(values.after ?? root) : beforeRoot,
          endpoint: local.endpoint,
          users,
          chats,
          changed: Number(values.changed),
          group: Number(values.group),
          runs,
        };
        process.stderr.write(`${side}: ${users} users × ${chats} chats, k=${cfg.changed}, ${runs} storms… `);
        const r = await runWorker(cfg);
        process.stderr.write(`setup ${r.setupSeconds.toFixed(0)} s\n`);
        results.push(r);
      }
  } finally {
    await local.stop();
  }

  const rows = results.map(({ config: c, storms }) => {
    const col = (f: (s: StormResult) => number, digits = 0) => spread(storms.map(f), digits);
    return [
      c.side,
      `${c.users} × ${c.chats}`,
      String(c.changed),
      col((s) => s.allSyncedMs),
      col((s) => s.deviceP50Ms),
      col((s) => s.requestsPerReconnect, 1),
      col((s) => s.replayedBytes),
      col((s) => s.downBytes),
      col((s) => s.upBytes),
      String(storms.reduce((a, s) => a + s.incomplete, 0)),
      String(storms.reduce((a, s) => a + s.errors, 0)),
    ];
  });
  const head = [
    'side',
    'users × chats',
    'k',
    'all synced ms',
    'device p50 ms',
    'DynamoDB req/reconnect',
    'replayed B/reconnect',
    'down B/reconnect',
    'up B/reconnect',
    'incomplete',
    'retried',
  ];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  process.stdout.write(
    `\nReconnect storm, median (min–max) of ${runs} storm(s):\n\n${line(head)}\n${line(widths.map((w) => '-'.repeat(w)))}\n${rows.map(line).join('\n')}\n\n`,
  );
  for (const r of results) {
    const last = r.storms.at(-1);
    if (last)
      process.stdout.write(
        `${r.config.side} × ${r.config.chats}, last storm's requests: ${JSON.stringify(last.byCommand)}\n`,
      );
  }
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  const file = join(
    root,
    'bench/results',
    `reconnect-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
  );
  writeFileSync(file, JSON.stringify(results, null, 2));
  process.stdout.write(`results: ${file}\n`);
}

await main();
