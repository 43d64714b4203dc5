// pnpm tsx bench/lib/jit-window.ts /tmp/tr-chatx.log
// Summarises V8's optimising compiles and deopts in a server's send window, from its stdout taken
// with BENCH_MARK_WINDOW=1 BENCH_CPU_PROF=<dir> BENCH_SERVER_FLAGS="--trace-opt --trace-deopt"
// BENCH_SERVER_OUT=/tmp/tr (the window's marks bracket the trace; bench/lib/prof-on-signal.cjs).
// TurboFan compiles run on V8's helper threads, so they show in `CPU µs/delivery`, not the loop's.
import { readFileSync } from 'node:fs';

const lines = readFileSync(process.argv[2] as string, 'utf8').split('\n');
const start = lines.findIndex((l) => l.startsWith('--- send window start'));
const end = lines.findIndex((l) => l.startsWith('--- send window end'));
if (start < 0 || end < 0) throw new Error('no send window marks: run with BENCH_MARK_WINDOW=1');

const COMPILED = /completed compiling .*<JSFunction (?:(\S+) )?\(sfi.*took [\d.]+, ([\d.]+), [\d.]+ ms/;
const perSecond: string[] = [];
const byFunction = new Map<string, { n: number; ms: number }>();
let compiles = 0;
let deopts = 0;
let ms = 0;
let second = { compiles: 0, deopts: 0 };
for (const line of lines.slice(start + 1, end + 1)) {
  if (line.startsWith('--- ')) {
    perSecond.push(`${second.compiles}/${second.deopts}`);
    second = { compiles: 0, deopts: 0 };
    continue;
  }
  if (line.startsWith('[bailout')) {
    deopts += 1;
    second.deopts += 1;
  }
  const m = COMPILED.exec(line);
  if (!m) continue;
  const name = m[1] || '(anonymous)';
  const took = Number(m[2]);
  compiles += 1;
  second.compiles += 1;
  ms += took;
  const f = byFunction.get(name) ?? { n: 0, ms: 0 };
  byFunction.set(name, { n: f.n + 1, ms: f.ms + took });
}
console.log(`${compiles} TurboFan compiles (${ms.toFixed(0)} ms of compile), ${deopts} deopts in the window`);
console.log(`per second, compiles/deopts: ${perSecond.join(' ')}`);
for (const [name, f] of [...byFunction].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20))
  console.log(`${f.ms.toFixed(1).padStart(7)} ms ${String(f.n).padStart(3)}× ${name}`);
