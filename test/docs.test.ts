import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/lib/errors.js';
import { CloseCode } from '../src/realtime/close-codes.js';
import { clientFrame } from '../src/realtime/frames.js';

// Whitespace folded: the formatter pads table columns.
const doc = (name: string) =>
  readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8').replace(/ +/g, ' ');

describe('reference docs', () => {
  it('errors.md lists every error code with its status', () => {
    const errors = doc('errors.md');
    for (const [code, e] of Object.entries(errorCatalogue))
      expect(errors).toContain(`| \`${code}\` | ${e.status} |`);
  });

  it('protocol.md documents every client frame type and close code', () => {
    const protocol = doc('protocol.md');
    for (const option of clientFrame.options)
      expect(protocol).toContain(`| \`${option.shape.type.value}\` |`);
    for (const code of Object.values(CloseCode)) expect(protocol).toContain(`| ${code} |`);
  });
});
