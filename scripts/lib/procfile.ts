import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The words of the Procfile's `web:` command in `dir` (what Elastic Beanstalk runs). */
export function webCommand(dir: string): string[] {
  const command = /^web:\s*(.+)$/m.exec(readFileSync(join(dir, 'Procfile'), 'utf8'))?.[1];
  if (!command) throw new Error(`${join(dir, 'Procfile')}: no \`web:\` line`);
  return command.trim().split(/\s+/);
}
