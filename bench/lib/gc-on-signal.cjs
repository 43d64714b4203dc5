// Bench-only preload (node --expose-gc --require): SIGUSR2 runs a full GC, so memory per
// connection is measured on what is retained, not on garbage the connect path left behind.
// BENCH_MEM_LOG=<file>: each GC also appends the process's memory breakdown there (JSON lines),
// to tell the V8 heap from what lies outside it (buffers, native sockets, malloc).
// BENCH_HEAP_DIR=<dir>: and every second signal writes a heap snapshot there (slow; diagnosis only).
const { appendFileSync } = require('node:fs');
const { join } = require('node:path');
const v8 = require('node:v8');
let signals = 0;
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
  signals += 1;
  const name = process.env.BENCH_PROF_NAME ?? 'server';
  if (process.env.BENCH_MEM_LOG) {
    // Per space, KB used / KB committed.
    const spaces = Object.fromEntries(
      v8
        .getHeapSpaceStatistics()
        .map((s) => [
          s.space_name,
          `${Math.round(s.space_used_size / 1024)}/${Math.round(s.space_size / 1024)}`,
        ]),
    );
    const line = { name, pid: process.pid, signal: signals, ...process.memoryUsage(), spacesKB: spaces };
    appendFileSync(process.env.BENCH_MEM_LOG, `${JSON.stringify(line)}\n`);
  }
  if (process.env.BENCH_HEAP_DIR && signals % 2 === 0)
    v8.writeHeapSnapshot(join(process.env.BENCH_HEAP_DIR, `${name}-${process.pid}-${signals}.heapsnapshot`));
});
