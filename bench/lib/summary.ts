import type { RunResult } from '../run.js';

const fmt = (n: number, d: number) => (Number.isFinite(n) ? n.toFixed(d) : '—');

export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

/** "median [min–max]" (just the value for one run). */
export function spread(xs: readonly number[], d = 1): string {
  const ok = xs.filter((x) => x !== undefined && Number.isFinite(x));
  if (ok.length === 0) return '—';
  if (ok.length === 1) return fmt(ok[0] as number, d);
  return `${fmt(median(ok), d)} [${fmt(Math.min(...ok), d)}–${fmt(Math.max(...ok), d)}]`;
}

const pick = (rows: readonly RunResult[], f: (r: RunResult) => number | undefined) =>
  rows.map(f).filter((x): x is number => x !== undefined);

/** One row per server over all runs: median [min–max] of each measure. */
export function summaryTable(byRun: readonly RunResult[][]): string {
  const names = [...new Set(byRun.flat().map((r) => r.server))];
  const head =
    '| server | lost (sum) | p50 ms | p99 ms | CPU µs/delivery | loop CPU µs/delivery | KB/conn | heap KB/conn | ack p50 ms | ack p99 ms | DynamoDB Local CPU % | DynamoDB req/msg | pushes |';
  const lines = names.map((name) => {
    const rows = byRun.flat().filter((r) => r.server === name);
    const lost = rows.reduce((n, r) => n + r.lost, 0);
    return `| ${name} | ${lost} | ${spread(pick(rows, (r) => r.p50))} | ${spread(pick(rows, (r) => r.p99))} | ${spread(pick(rows, (r) => r.cpuUsPerDelivery))} | ${spread(pick(rows, (r) => r.loopCpuUsPerDelivery))} | ${spread(pick(rows, (r) => r.kbPerConnection))} | ${spread(pick(rows, (r) => r.heapKbPerConnection))} | ${spread(pick(rows, (r) => r.ackP50))} | ${spread(pick(rows, (r) => r.ackP99))} | ${spread(
      pick(rows, (r) => r.dynamoCpuPct),
      0,
    )} | ${spread(
      pick(rows, (r) => r.dynamoPerMessage),
      3,
    )} | ${spread(
      pick(rows, (r) => r.pushes),
      0,
    )} |`;
  });
  return [head, `|${'---|'.repeat(13)}`, ...lines].join('\n');
}

/** The scaling grid: one row per (clients, msg/s), each cell over its runs. */
export function scalingTable(cells: readonly RunResult[][]): string {
  const head =
    '| clients | msg/s | lost (sum) | p50 ms | p99 ms | CPU µs/delivery | RSS MB | KB/conn | heap KB/conn | acked | DynamoDB Local CPU % |';
  const lines = cells.map((rows) => {
    const first = rows[0] as RunResult;
    const lost = rows.reduce((n, r) => n + r.lost, 0);
    const acked = rows.reduce((n, r) => n + (r.acked ?? 0), 0);
    const sent = rows.reduce((n, r) => n + r.sent, 0);
    return `| ${first.clients} | ${first.rate} | ${lost} | ${spread(
      pick(rows, (r) => r.p50),
      0,
    )} | ${spread(
      pick(rows, (r) => r.p99),
      0,
    )} | ${spread(pick(rows, (r) => r.cpuUsPerDelivery))} | ${spread(
      pick(rows, (r) => r.rssMB),
      0,
    )} | ${spread(pick(rows, (r) => r.kbPerConnection))} | ${spread(pick(rows, (r) => r.heapKbPerConnection))} | ${acked}/${sent} | ${spread(
      pick(rows, (r) => r.dynamoCpuPct),
      0,
    )} |`;
  });
  return [head, `|${'---|'.repeat(11)}`, ...lines].join('\n');
}
