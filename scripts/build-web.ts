// Builds the web client into dist/web/ (served at / by the app): one ES module bundle, no
// runtime dependencies, plus the static HTML and CSS.
import { copyFileSync, mkdirSync } from 'node:fs';
import { build } from 'esbuild';

const out = new URL('../dist/web/', import.meta.url);
const web = new URL('../web/', import.meta.url);
mkdirSync(out, { recursive: true });
await build({
  entryPoints: [new URL('main.ts', web).pathname],
  outfile: new URL('app.js', out).pathname,
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'none',
});
// The push service worker, served at /sw.js so that its scope is the whole origin.
await build({
  entryPoints: [new URL('sw.ts', web).pathname],
  outfile: new URL('sw.js', out).pathname,
  bundle: true,
  format: 'iife',
  target: 'es2022',
  minify: true,
  legalComments: 'none',
});
for (const f of ['index.html', 'app.css']) copyFileSync(new URL(f, web), new URL(f, out));
process.stdout.write('built dist/web\n');
