// tsx scripts/backfill-chat-lists.ts [--stage dev|test|staging|prod]
// One-off: gives chats made before per-user chat-list rows their rows and counters
// (src/chats/backfill.ts). Idempotent; run while no server is sending messages.
import { parseArgs } from 'node:util';
import { backfillChatLists } from '../src/chats/backfill.js';
import { ConfigError, loadDbConfig } from '../src/config.js';
import { createDb } from '../src/db/client.js';

const { values } = parseArgs({ options: { stage: { type: 'string', default: 'dev' } } });
try {
  const db = createDb(loadDbConfig(process.env, values.stage ?? 'dev'));
  const n = await backfillChatLists(db);
  process.stdout.write(`backfilled ${n} chats\n`);
  db.destroy();
} catch (err) {
  process.stderr.write(`${err instanceof ConfigError ? err.message : `backfill failed: ${String(err)}`}\n`);
  process.exit(1);
}
