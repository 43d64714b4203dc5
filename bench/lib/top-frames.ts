// pnpm tsx bench/lib/top-frames.ts <file.cpuprofile> [n]: where a V8 CPU profile's time went —
// the top functions by self time, and by package (inclusive: a package's frames anywhere on the stack).
import { readFileSync } from 'node:fs';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, n = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: top-frames <file.cpuprofile> [n]');
const p = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(p.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of p.nodes) for (const c of node.children ?? []) parent.set(c, node.id);

const timeOf = new Map<number, number>();
let total = 0;
p.samples.forEach((id, i) => {
  const dt = p.timeDeltas[i] ?? 0;
  timeOf.set(id, (timeOf.get(id) ?? 0) + dt);
  total += dt;
});

const where = (url: string) =>
  url
    .replace(/.*node_modules\/\.pnpm\/([^/]+)\/.*\/([^/]+)$/, '$1:$2')
    .replace(/.*\/(src|dist|bench)\//, '$1/');
const packageOf = (node: Node) => {
  const url = node.callFrame.url;
  const m = url.match(/node_modules\/\.pnpm\/([^/]+)/);
  if (m) return (m[1] as string).replace(/@[\d.]+(_.*)?$/, '');
  if (/\/(src|dist)\//.test(url)) return 'chat-x';
  return url
    ? `node:${url
        .replace(/^node:/, '')
        .split('/')
        .pop()}`
    : node.callFrame.functionName;
};

const self = new Map<string, number>();
const pkgs = new Map<string, number>();
for (const [id, t] of timeOf) {
  const node = byId.get(id) as Node;
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;
  self.set(key, (self.get(key) ?? 0) + t);
  const seen = new Set<string>();
  for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
    const k = packageOf(byId.get(cur) as Node);
    if (seen.has(k)) continue;
    seen.add(k);
    pkgs.set(k, (pkgs.get(k) ?? 0) + t);
  }
}
const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, Number(n));
console.log(`${(total / 1e6).toFixed(1)} s sampled`);
console.log('\nself time');
for (const [k, t] of top(self)) console.log(pct(t), k);
console.log('\nby package (inclusive)');
for (const [k, t] of top(pkgs)) if (k !== '(root)') console.log(pct(t), k);
