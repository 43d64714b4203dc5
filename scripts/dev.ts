// pnpm dev: the server with reload on src changes. Without DYNAMODB_ENDPOINT it first starts an
// in-memory DynamoDB Local on a free port and creates the tables; Ctrl-C stops both.
import { spawn } from 'node:child_process';
import { createDb } from '../src/db/client.js';
import { createTables } from '../src/db/create-tables.js';
import { type DynamoLocal, startDynamoLocal } from './lib/dynamodb-local.js';

const env: Record<string, string | undefined> = {
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', // Node 20 is fine locally; EB runs Node 22
  ...process.env,
  STAGE: process.env.STAGE ?? 'dev',
};
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
let local: DynamoLocal | undefined;
if (!env.DYNAMODB_ENDPOINT) {
  process.stdout.write('starting DynamoDB Local (in memory)…\n');
  local = await startDynamoLocal();
  env.DYNAMODB_ENDPOINT = local.endpoint;
  process.stdout.write(`DynamoDB Local on ${local.endpoint}\n`);
}
const db = createDb({
  region: env.AWS_REGION ?? 'us-east-1',
  endpoint: env.DYNAMODB_ENDPOINT,
  tablePrefix: env.TABLE_PREFIX ?? 'chatx-dev-',
});
await createTables(db.raw, db.tables);
db.destroy();

// The web client at / (a one-off build; rerun `pnpm build:web` after editing web/).
await import('./build-web.js');

const server = spawn(process.execPath, ['--import', 'tsx', '--watch', '--watch-path=src', 'src/server.ts'], {
  env,
  stdio: 'inherit',
});
let stopping = false;
const stop = async (code: number) => {
  if (stopping) return;
  stopping = true;
  server.kill('SIGTERM');
  await local?.stop();
  process.exit(code);
};
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
server.on('exit', (code) => void stop(code ?? 0));
