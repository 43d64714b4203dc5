import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// Sums what test/helpers/record-responses.ts recorded during the last test run: how many HTTP
// responses were checked against the OpenAPI document, and the violations (the test files
// fail on them too). Fails when there are violations or nothing was validated.
const dir = 'test-artifacts/api-validation';
interface Report {
  file: string;
  validated: number;
  unrouted: number;
  skipped: number;
  violations: string[];
  seen: Record<string, string[]>;
  ms?: number;
}
const reports: Report[] = existsSync(dir)
  ? readdirSync(dir)
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')))
  : [];
const sum = (k: 'validated' | 'unrouted' | 'skipped') => reports.reduce((n, r) => n + r[k], 0);
const violations = reports.flatMap((r) => r.violations.map((v) => `${r.file}: ${v}`));
const operations = new Set(reports.flatMap((r) => Object.keys(r.seen)));
console.log(
  `api: ${sum('validated')} responses of ${operations.size} operations validated against the OpenAPI document ` +
    `in ${reports.length} test files (${sum('unrouted')} answers to unknown paths or methods checked as ` +
    `errors, ${sum('skipped')} static files, HEAD and OPTIONS skipped) in ` +
    `${Math.round(reports.reduce((n, r) => n + (r.ms ?? 0), 0))} ms; ${violations.length} violations`,
);
for (const v of violations) console.error(`  ${v}`);
if (violations.length > 0 || sum('validated') === 0) process.exit(1);
