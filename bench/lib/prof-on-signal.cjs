// Bench-only preload (node --require), with BENCH_CPU_PROF=<dir>: SIGTTIN starts a V8 CPU
// profile, SIGTTOU writes it to <dir>. The bench brackets the send window with them, so the
// profile shows the message path, not sign-ups and start-up. BENCH_ALLOC_PROF=1 takes a sampling
// heap profile (what allocates, by bytes) of the same window instead: <name>.heapprofile.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF;
const mode = process.env.BENCH_ALLOC_PROF;
const alloc = mode === '1' || mode === 'retained' || mode === 'alive';
// (No mode for "what outlived a young-generation collection": with objects collected by major GCs
// included, Node 20's V8 keeps the samples of those that young-generation GCs collected too.)
// 'retained': only what is still alive when the window ends (what the window left behind);
// 'alive': what the first 2 s of the window allocated and still holds 2 s in (a full GC first),
// i.e. what lives long enough to be promoted, with the load still on.
if (dir) {
  const session = new Session();
  session.connect();
  let n = 0;
  const name = (ext) => `${process.env.BENCH_PROF_NAME ?? 'server'}-${process.pid}-${n++}.${ext}`;
  // BENCH_MARK_WINDOW=1: marks on stdout, to slice a trace (--trace-opt, --trace-gc) to the window.
  let ticker;
  const mark = (what) => {
    if (!process.env.BENCH_MARK_WINDOW) return;
    process.stdout.write(`--- send window ${what}\n`);
    clearInterval(ticker);
    let s = 0;
    if (what === 'start') ticker = setInterval(() => process.stdout.write(`--- ${++s} s\n`), 1000);
  };
  process.on('SIGTTIN', () => {
    mark('start');
    if (alloc)
      session.post('HeapProfiler.enable', () =>
        session.post('HeapProfiler.startSampling', {
          samplingInterval: 16384,
          includeObjectsCollectedByMajorGC: mode !== 'retained' && mode !== 'alive',
          includeObjectsCollectedByMinorGC: mode === '1',
        }),
      );
    if (mode === 'alive')
      setTimeout(() => {
        global.gc?.();
        stop();
      }, 2_000);
    else session.post('Profiler.enable', () => session.post('Profiler.start'));
  });
  const stop = () => {
    if (alloc)
      session.post('HeapProfiler.stopSampling', (err, res) => {
        if (!err) writeFileSync(join(dir, name('heapprofile')), JSON.stringify(res.profile));
      });
    else
      session.post('Profiler.stop', (err, res) => {
        if (!err) writeFileSync(join(dir, name('cpuprofile')), JSON.stringify(res.profile));
      });
  };
  process.on('SIGTTOU', () => {
    mark('end');
    if (mode !== 'alive') stop();
  });
}
