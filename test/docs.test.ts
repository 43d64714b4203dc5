import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorCatalogue } from '../src/lib/errors.js';
import { asyncApiDocument } from '../src/openapi/asyncapi.js';
import { openApiDocument } from '../src/openapi/document.js';
import { CloseCode } from '../src/realtime/close-codes.js';
import { clientFrame } from '../src/realtime/frames.js';

// Whitespace folded: the formatter pads table columns.
const doc = (name: string) =>
  readFileSync(new URL(`../docs/${name}`, import.meta.url), 'utf8').replace(/ +/g, ' ');

describe('reference docs', () => {
  it('errors.md has exactly the catalogue as its table, row for row', () => {
    const rows = doc('errors.md')
      .split('\n')
      .filter((line) => /^\| `/.test(line))
      .map((line) => line.trim());
    const catalogue = Object.entries(errorCatalogue).map(
      ([code, e]) => `| \`${code}\` | ${e.status} | ${e.retryable ? 'yes' : 'no'} | ${e.message} |`,
    );
    expect(rows, 'docs/errors.md must list src/lib/errors.ts, in its order').toEqual(catalogue);
  });

  it('the OpenAPI and AsyncAPI documents use exactly the catalogue codes', () => {
    const codes = Object.keys(errorCatalogue);
    const schemas = openApiDocument().components?.schemas as Record<string, { enum?: string[] }>;
    expect(schemas.ErrorCode?.enum).toEqual(codes);
    const frame = (asyncApiDocument().components as { schemas: Record<string, unknown> }).schemas
      .ServerErrorFrame as { properties: { code: { enum: string[] } } };
    expect(frame.properties.code.enum).toEqual(codes);
  });

  it('protocol.md documents every client frame type and close code', () => {
    const protocol = doc('protocol.md');
    for (const option of clientFrame.options)
      expect(protocol).toContain(`| \`${option.shape.type.value}\` |`);
    for (const code of Object.values(CloseCode)) expect(protocol).toContain(`| ${code} |`);
  });
});
