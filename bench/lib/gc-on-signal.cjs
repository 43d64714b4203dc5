// Bench-only preload (node --expose-gc --require): SIGUSR2 runs a full GC, so memory per
// connection is measured on what is retained, not on garbage the connect path left behind.
process.on('SIGUSR2', () => {
  if (typeof global.gc === 'function') global.gc();
});
