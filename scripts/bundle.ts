// pnpm bundle: the source bundle exactly as Elastic Beanstalk receives it (build/chatx-bundle.zip).
// Only tracked files from the paths below go in: no tests, no dev tooling, no node_modules, no
// secrets. The instance installs and builds in the prebuild hook. The label names the commit.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const BUNDLE_PATHS = [
  'package.json',
  'pnpm-lock.yaml',
  'tsconfig.json',
  'tsconfig.build.json',
  'Procfile',
  'src',
  'web',
  'scripts/build-web.ts',
  '.ebextensions',
  '.platform',
];

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();

const files = git('ls-files', '--', ...BUNDLE_PATHS)
  .split('\n')
  .filter(Boolean);
const forbidden = files.filter((f) => /(^|\/)\.env(\.|$)|\.pem$|\.key$|(^|\/)node_modules\//.test(f));
if (forbidden.length > 0) {
  process.stderr.write(`bundle: refusing to ship ${forbidden.join(', ')}\n`);
  process.exit(1);
}
const dirty = git('status', '--porcelain', '--', ...BUNDLE_PATHS) !== '';
const label = `chatx-${git('rev-parse', '--short=12', 'HEAD')}${dirty ? '-dirty' : ''}`;

const outDir = join(root, 'build');
const zip = join(outDir, 'chatx-bundle.zip');
mkdirSync(outDir, { recursive: true });
rmSync(zip, { force: true });
// zip keeps each file's mode, so the hooks stay executable (EB requires it).
execFileSync('zip', ['-q', '-X', zip, ...files], { cwd: root });
writeFileSync(join(outDir, 'bundle-label.txt'), `${label}\n`);
process.stdout.write(
  `${zip}\n${label} (${files.length} files)${dirty ? ' — uncommitted changes: not for deploy' : ''}\n`,
);
