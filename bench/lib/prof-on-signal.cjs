// Bench-only preload (node --require), with BENCH_CPU_PROF=<dir>: SIGTTIN starts a V8 CPU
// profile, SIGTTOU writes it to <dir>. The bench brackets the send window with them, so the
// profile shows the message path, not sign-ups and start-up.
const { Session } = require('node:inspector');
const { writeFileSync } = require('node:fs');
const { join } = require('node:path');

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  let n = 0;
  process.on('SIGTTIN', () => {
    session.post('Profiler.enable', () => session.post('Profiler.start'));
  });
  process.on('SIGTTOU', () => {
    session.post('Profiler.stop', (err, res) => {
      if (err) return;
      const name = `${process.env.BENCH_PROF_NAME ?? 'server'}-${process.pid}-${n++}.cpuprofile`;
      writeFileSync(join(dir, name), JSON.stringify(res.profile));
    });
  });
}
