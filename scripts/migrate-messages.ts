// pnpm tsx scripts/migrate-messages.ts --stage staging|prod [--bucket-seconds 86400]
// Copies the stage's old `messages` table into `history` (scripts/lib/migrate-messages.ts). Run
// with writes stopped, after the tables stack created `history`. --bucket-seconds must equal the
// MESSAGE_BUCKET_SECONDS the app will run with.
import { parseArgs } from 'node:util';
import { ConfigError, loadDbConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';
import { setBucketSeconds } from '../src/messages/buckets.js';
import { migrateMessages } from './lib/migrate-messages.js';

const { values } = parseArgs({
  options: {
    stage: { type: 'string', default: 'dev' },
    'bucket-seconds': { type: 'string', default: '86400' },
  },
});
const seconds = Number(values['bucket-seconds']);
if (!Number.isInteger(seconds) || seconds < 1) {
  process.stderr.write(
    `--bucket-seconds must be a whole number of seconds (got "${values['bucket-seconds']}")\n`,
  );
  process.exit(2);
}
try {
  const cfg = loadDbConfig(process.env, values.stage);
  const db = createDb(cfg);
  setBucketSeconds(seconds);
  const result = await migrateMessages(db, `${cfg.tablePrefix}messages`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  db.destroy();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `migration failed: ${String(err)}`}\n`);
  process.exit(1);
}
