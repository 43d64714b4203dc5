// Bench-only preload (node --require), with BENCH_CPU_PROF=<dir>: SIGTTIN starts a V8 CPU
// profile, SIGTTOU writes it to <dir>. The bench brackets the send window with them, so the
// profile shows the message path, not sign-ups and start-up. BENCH_ALLOC_PROF=1 takes a sampling
// heap profile (what allocates, by bytes) of the same window instead: <name>.heapprofile.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF;
const alloc = process.env.BENCH_ALLOC_PROF === '1' || process.env.BENCH_ALLOC_PROF === 'promoted';
// 'promoted': only what outlived a young-generation collection (what old-generation GC pays for).
const promotedOnly = process.env.BENCH_ALLOC_PROF === 'promoted';
if (dir) {
  const session = new Session();
  session.connect();
  let n = 0;
  const name = (ext) => `${process.env.BENCH_PROF_NAME ?? 'server'}-${process.pid}-${n++}.${ext}`;
  process.on('SIGTTIN', () => {
    if (alloc)
      session.post('HeapProfiler.enable', () =>
        session.post('HeapProfiler.startSampling', {
          samplingInterval: 16384,
          includeObjectsCollectedByMajorGC: true,
          includeObjectsCollectedByMinorGC: !promotedOnly,
        }),
      );
    else session.post('Profiler.enable', () => session.post('Profiler.start'));
  });
  process.on('SIGTTOU', () => {
    if (alloc)
      session.post('HeapProfiler.stopSampling', (err, res) => {
        if (!err) writeFileSync(join(dir, name('heapprofile')), JSON.stringify(res.profile));
      });
    else
      session.post('Profiler.stop', (err, res) => {
        if (!err) writeFileSync(join(dir, name('cpuprofile')), JSON.stringify(res.profile));
      });
  });
}
