// pnpm infra:template — regenerates infra/chatx-tables.json from src/db/tables.ts.
import { writeFileSync } from 'node:fs';
import { templateText } from './lib/infra-template.js';

writeFileSync(new URL('../infra/chatx-tables.json', import.meta.url), templateText());
process.stdout.write('wrote infra/chatx-tables.json\n');
