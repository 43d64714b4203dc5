// Open-loop load generator: sends at a fixed total rate whatever the server does (no send-wait-
// send), and measures each delivery's latency from the message's *scheduled* send time, so a
// server that falls behind shows it in the numbers. Runs as its own process, pinned by run.ts.
//
// Protocol with run.ts: argv[2] is a JSON config file; prints {"phase":"connected"} once every
// client is connected; on "warm" on stdin sends at the same rate for warmupMs (not measured) and
// prints {"phase":"warmed"}; on "go" sends the measured load and prints {"phase":"done",...stats}.
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { io, type Socket } from 'socket.io-client';
import WebSocket from 'ws';

export interface LoadConfig {
  kind: 'ws' | 'socketio' | 'chatx';
  url: string;
  clients: { room: string; token?: string }[];
  rate: number;
  durationMs: number;
  /** Sent before the measured window at the same rate, so it measures a server whose message
   * path is compiled (steady state), not its JIT warming up. */
  warmupMs: number;
  drainMs: number;
  bodyBytes: number;
}

interface Driver {
  connect(i: number): Promise<void>;
  send(i: number, seq: number, body: string): void;
  close(): void;
}

const cfg = JSON.parse(readFileSync(process.argv[2] as string, 'utf8')) as LoadConfig;
const now = () => performance.now();
let start = 0;
const sendTime = new Float64Array(Math.ceil((cfg.rate * cfg.durationMs) / 1000) + 1);
const latencies: number[] = [];
const ackLatencies: number[] = [];
let errors = 0;

/** A warm-up message's body starts with `w`: not measured. */
const WARM = 'w';

function onDelivered(body: string): void {
  if (body.startsWith(WARM)) return;
  const seq = Number(body.slice(0, body.indexOf('|')));
  latencies.push(now() - (sendTime[seq] as number));
}
function onAcked(body: string): void {
  if (body.startsWith(WARM)) return;
  const seq = Number(body.slice(0, body.indexOf('|')));
  ackLatencies.push(now() - (sendTime[seq] as number));
}

function wsDriver(): Driver {
  const sockets: WebSocket[] = [];
  return {
    connect: (i) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(cfg.url, { perMessageDeflate: false });
        sockets[i] = ws;
        ws.on('open', () => ws.send(JSON.stringify({ t: 'join', room: cfg.clients[i]?.room })));
        ws.on('message', (data) => {
          const f = JSON.parse(String(data)) as { t: string; body?: string };
          if (f.t === 'joined') resolve();
          else if (f.t === 'msg') onDelivered(f.body as string);
        });
        ws.on('error', reject);
      }),
    send: (i, _seq, body) => sockets[i]?.send(JSON.stringify({ t: 'msg', room: cfg.clients[i]?.room, body })),
    close: () => {
      for (const s of sockets) s.terminate();
    },
  };
}

function socketIoDriver(): Driver {
  const sockets: Socket[] = [];
  return {
    connect: (i) =>
      new Promise((resolve, reject) => {
        const s = io(cfg.url, { transports: ['websocket'], reconnection: false, forceNew: true });
        sockets[i] = s;
        s.on('connect', () => s.emit('join', cfg.clients[i]?.room, () => resolve()));
        s.on('msg', (body: string) => onDelivered(body));
        s.on('connect_error', reject);
      }),
    send: (i, _seq, body) => sockets[i]?.emit('msg', cfg.clients[i]?.room, body),
    close: () => {
      for (const s of sockets) s.disconnect();
    },
  };
}

function chatxDriver(): Driver {
  const sockets: WebSocket[] = [];
  return {
    connect: (i) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(cfg.url, {
          perMessageDeflate: false,
          headers: { Authorization: `Bearer ${cfg.clients[i]?.token}` },
        });
        sockets[i] = ws;
        ws.on('message', (data) => {
          const f = JSON.parse(String(data)) as { type: string; message?: { text: string } };
          if (f.type === 'message') onDelivered(f.message?.text as string);
          else if (f.type === 'ack') onAcked(f.message?.text as string);
          else if (f.type === 'ready') resolve();
          else if (f.type === 'error') errors += 1;
        });
        ws.on('error', reject);
        ws.on('close', (code) => {
          if (code !== 1000 && code !== 1005 && code !== 1006) errors += 1;
        });
      }),
    send: (i, seq, body) =>
      sockets[i]?.send(
        JSON.stringify({
          type: 'send',
          chatId: cfg.clients[i]?.room,
          clientMsgId: `${body.startsWith(WARM) ? WARM : 'b'}${seq}`,
          text: body,
        }),
      ),
    close: () => {
      for (const s of sockets) s.terminate();
    },
  };
}

const driver = cfg.kind === 'ws' ? wsDriver() : cfg.kind === 'socketio' ? socketIoDriver() : chatxDriver();
const emit = (o: object) => process.stdout.write(`${JSON.stringify(o)}\n`);

async function connectAll(): Promise<void> {
  const n = cfg.clients.length;
  for (let i = 0; i < n; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, n - i) }, (_, j) => driver.connect(i + j)));
  }
}

/** Sends at cfg.rate for `ms`; measured messages record their schedule (latency counts from it). */
function run(ms: number, measured: boolean): Promise<number> {
  const total = Math.ceil((cfg.rate * ms) / 1000);
  const interval = 1000 / cfg.rate;
  const pad = 'x'.repeat(Math.max(0, cfg.bodyBytes - 20));
  let next = 0;
  start = now();
  return new Promise((resolve) => {
    const pump = () => {
      const elapsed = now() - start;
      while (next < total && next * interval <= elapsed) {
        if (measured) sendTime[next] = start + next * interval;
        driver.send(next % cfg.clients.length, next, `${measured ? '' : WARM}${next}|${pad}`);
        next += 1;
      }
      if (next < total) setTimeout(pump, 1);
      else resolve(total);
    };
    pump();
  });
}

function pct(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}

async function main(): Promise<void> {
  await connectAll();
  emit({ phase: 'connected', clients: cfg.clients.length });
  const rl = createInterface({ input: process.stdin });
  const command = () => new Promise<string>((resolve) => rl.once('line', resolve));
  if ((await command()) === 'warm') {
    await run(cfg.warmupMs, false);
    await new Promise((r) => setTimeout(r, 1_000)); // its last deliveries, before the window
    emit({ phase: 'warmed' });
    await command();
  }
  const cpu0 = process.cpuUsage();
  const t0 = now();
  const sent = await run(cfg.durationMs, true);
  const cpu = process.cpuUsage(cpu0);
  // Over the send window: the generator's share of the machine, next to the server's.
  const cpuPct = ((cpu.user + cpu.system) / 1000 / (now() - t0)) * 100;
  await new Promise((r) => setTimeout(r, cfg.drainMs));
  const roomSize = new Map<string, number>();
  for (const c of cfg.clients) roomSize.set(c.room, (roomSize.get(c.room) ?? 0) + 1);
  let expected = 0;
  for (let seq = 0; seq < sent; seq++)
    expected += (roomSize.get(cfg.clients[seq % cfg.clients.length]?.room as string) ?? 1) - 1;
  const lat = latencies.sort((a, b) => a - b);
  const acks = ackLatencies.sort((a, b) => a - b);
  emit({
    phase: 'done',
    sent,
    expected,
    delivered: lat.length,
    lost: expected - lat.length,
    sendSeconds: cfg.durationMs / 1000,
    p50: pct(lat, 50),
    p90: pct(lat, 90),
    p99: pct(lat, 99),
    max: lat.at(-1) ?? Number.NaN,
    acked: acks.length,
    ackP50: pct(acks, 50),
    ackP99: pct(acks, 99),
    errors,
    cpuPct,
  });
  driver.close();
  rl.close();
  process.exit(0);
}

main().catch((err: unknown) => {
  emit({ phase: 'failed', error: String(err) });
  process.exit(1);
});
