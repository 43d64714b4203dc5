import { type ChildProcess, execFileSync, spawn, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/dynamodb-local.js';
import { type Nginx, startNginx } from '../../scripts/lib/nginx.js';
import { webCommand } from '../../scripts/lib/procfile.js';
import { waitForPort } from '../../scripts/lib/redis.js';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { createGroup, signUpAll } from '../helpers/app.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { TestSocket } from '../helpers/ws.js';

const repo = new URL('../../', import.meta.url).pathname;

/**
 * What Elastic Beanstalk does with our bundle, on this machine: unzip it, run the prebuild
 * hooks, start the Procfile command with PORT, and put nginx in front with our .platform config
 * included where the platform's nginx.conf includes it.
 */
describe('the source bundle behind nginx, as Elastic Beanstalk runs it', () => {
  let dir: string;
  let app: ChildProcess;
  let appLog = '';
  let nginx: Nginx;
  const prefix = uniquePrefix();

  beforeAll(async () => {
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/bundle.ts'], { cwd: repo, stdio: 'ignore' });
    dir = mkdtempSync(join(tmpdir(), 'chatx-eb-'));
    execFileSync('unzip', ['-q', join(repo, 'build/chatx-bundle.zip'), '-d', dir]);

    const hooks = readdirSync(join(dir, '.platform/hooks/prebuild')).sort();
    for (const hook of hooks) {
      const path = join(dir, '.platform/hooks/prebuild', hook);
      expect(statSync(path).mode & 0o111).not.toBe(0); // EB only runs executable hooks
      const r = spawnSync(path, {
        cwd: dir,
        encoding: 'utf8',
        timeout: 240_000,
        env: { PATH: process.env.PATH ?? '' },
      });
      if (r.status !== 0) throw new Error(`hook ${hook} failed: ${r.stdout}\n${r.stderr}`);
    }

    const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();

    const port = await freePort();
    const [bin, ...args] = webCommand(dir);
    app = spawn(bin === 'node' ? process.execPath : (bin as string), args, {
      cwd: dir,
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        STAGE: 'staging',
        NODE_ENV: 'production',
        JWT_SECRET: 'a-staging-like-secret-of-at-least-32-bytes!',
        BCRYPT_ROUNDS: '10',
        DYNAMODB_ENDPOINT: dynamoEndpoint(),
        TABLE_PREFIX: prefix,
        TRUST_PROXY_HOPS: '1',
        APP_URL: 'https://staging.chat.example.com',
        MAIL_FROM: 'no-reply@staging.chat.example.com',
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    app.stdout?.on('data', (d) => {
      appLog += d;
    });
    app.stderr?.on('data', (d) => {
      appLog += d;
    });
    await waitForPort(port, 30_000);

    // Our .platform/nginx files, with the upstream port of this run instead of EB's 8080.
    const conf = join(dir, 'nginx-conf');
    cpSync(join(dir, '.platform/nginx/conf.d'), conf, { recursive: true });
    const location = join(conf, 'elasticbeanstalk/00_application.conf');
    writeFileSync(location, readFileSync(location, 'utf8').replace('127.0.0.1:8080', `127.0.0.1:${port}`));
    nginx = await startNginx({
      httpExtra: `keepalive_timeout 65;\n  include ${conf}/*.conf;`,
      serverBlock: `include ${conf}/elasticbeanstalk/*.conf;`,
    });
  }, 300_000);

  afterAll(async () => {
    app?.kill('SIGKILL');
    await nginx?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('ships only what the server needs, built and pruned by the hook', () => {
    expect(existsSync(join(dir, 'dist/server.js'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/express'))).toBe(true);
    expect(existsSync(join(dir, 'node_modules/typescript'))).toBe(false); // dev dependencies pruned
    const listed = execFileSync('unzip', ['-Z1', join(repo, 'build/chatx-bundle.zip')], { encoding: 'utf8' });
    expect(listed).not.toMatch(/^(test|bench|node_modules|docs)\//m);
    expect(listed).not.toMatch(/^scripts\/(?!build-web\.ts$)/m); // only the web build script
    expect(listed).not.toMatch(/\.env/);
  });

  it('passes the smoke test through nginx: HTTP and WebSocket', () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/smoke.ts', '--base-url', nginx.url], {
      cwd: repo,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    expect({ status: r.status, out: r.stdout + r.stderr }).toMatchObject({ status: 0 });
    expect(r.stdout).toContain(`smoke test passed against ${nginx.url}`);
  });

  it('answers a body over the limit with 413 at nginx', async () => {
    const res = await fetch(`${nginx.url}/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'x'.repeat(100_000), password: 'y' }),
    });
    expect(res.status).toBe(413);
  });

  it('keeps an idle WebSocket open past 60 s (pings) and delivers afterwards', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(nginx.url, 'idle_a', 'idle_b');
    const chatId = await createGroup(nginx.url, ann, [bob]);
    const wsUrl = `${nginx.url.replace('http', 'ws')}/v1/ws`;
    const [a, b] = await Promise.all([
      TestSocket.ready(wsUrl, ann.accessToken),
      TestSocket.ready(wsUrl, bob.accessToken),
    ]);
    await new Promise((r) => setTimeout(r, 65_000));
    a.send({ type: 'send', chatId, clientMsgId: 'after-idle', text: 'still there?' });
    const ack = await a.next('ack');
    expect((await b.next('message')).message.id).toBe(ack.message.id);
    expect(appLog).not.toMatch(/"level":50/);
    a.close();
    b.close();
  });
});
