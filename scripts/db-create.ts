// pnpm db:create [--stage dev|test|staging|prod]
// Creates the stage's tables (prefix TABLE_PREFIX, else chatx-<stage>-) if they do not exist. Idempotent.
import { parseArgs } from 'node:util';
import { ConfigError, loadDbConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { createTables } from '../src/db/create-tables.js';

const { values } = parseArgs({ options: { stage: { type: 'string', default: 'dev' } } });
const stage = values.stage ?? 'dev';
if (!['dev', 'test', 'staging', 'prod'].includes(stage)) {
  process.stderr.write(`--stage must be one of dev, test, staging, prod (got "${stage}")\n`);
  process.exit(2);
}
try {
  const cfg = loadDbConfig(process.env, stage);
  const db = createDb(cfg);
  const result = await createTables(db.raw, db.tables);
  for (const t of result.created) process.stdout.write(`created  ${t}\n`);
  for (const t of result.existing) process.stdout.write(`exists   ${t}\n`);
  db.destroy();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `db:create failed: ${String(err)}`}\n`);
  process.exit(1);
}
