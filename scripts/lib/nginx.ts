import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './dynamodb-local.js';
import { waitForPort } from './redis.js';

export interface Nginx {
  port: number;
  url: string;
  dir: string;
  stop(): Promise<void>;
}

/**
 * Runs Debian's nginx in the foreground from a private directory. `serverBlock` is the body of the
 * one `server {}`; `httpExtra` goes in `http {}` (upstreams, maps).
 */
export async function startNginx(opts: { serverBlock: string; httpExtra?: string }): Promise<Nginx> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'chatx-nginx-'));
  mkdirSync(join(dir, 'tmp'));
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${process.getuid?.() === 0 ? 'user root;' : ''}
worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path ${dir}/tmp/body;
  proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fastcgi;
  uwsgi_temp_path ${dir}/tmp/uwsgi;
  scgi_temp_path ${dir}/tmp/scgi;
  ${opts.httpExtra ?? ''}
  server {
    listen 127.0.0.1:${port};
    ${opts.serverBlock}
  }
}
`,
  );
  const check = spawnSync('nginx', ['-t', '-p', dir, '-c', conf], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const child: ChildProcess = spawn('nginx', ['-p', dir, '-c', conf], { stdio: 'ignore' });
  await waitForPort(port, 10_000);
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    dir,
    async stop() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await gone;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A round-robin load balancer in front of the given ports, passing WebSocket upgrades. */
export function loadBalancer(ports: number[]): Promise<Nginx> {
  return startNginx({
    httpExtra: `
  map $http_upgrade $connection_upgrade { default upgrade; '' close; }
  upstream chatx { ${ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=30s;`).join(' ')} }`,
    serverBlock: `
    location / {
      proxy_pass http://chatx;
      proxy_http_version 1.1;
      proxy_set_header Upgrade $http_upgrade;
      proxy_set_header Connection $connection_upgrade;
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      proxy_next_upstream error timeout http_502;
      proxy_connect_timeout 2s;
    }`,
  });
}
