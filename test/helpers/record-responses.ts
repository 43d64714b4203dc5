import { mkdirSync, writeFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { afterAll, expect } from 'vitest';
import { type Exchange, ResponseValidator } from './openapi-validator.js';

// A vitest setup file: every HTTP response the app sends in this test file's process (supertest,
// fetch, the in-process test server) is checked against the OpenAPI document as it is sent; the
// file fails if any did not match. Counts go to test-artifacts/api-validation/ for the CI summary
// (`pnpm api:validated`). Servers run as child processes (dist/) are not seen.

export const API_VALIDATION_DIR = 'test-artifacts/api-validation';

const validator = new ResponseValidator();
const violations: string[] = [];
const counts = { validated: 0, unrouted: 0, skipped: 0 };
/** operationId → "status code" pairs seen, for the coverage summary. */
const seen: Record<string, string[]> = {};

function record(res: ServerResponse, chunks: Buffer[]): void {
  const req = res.req as (typeof res.req & { originalUrl?: string }) | undefined;
  // Only Express apps (ours) have originalUrl; local stubs of other services are not checked.
  if (!req?.originalUrl) return;
  const exchange: Exchange = {
    method: req.method ?? 'GET',
    url: req.originalUrl,
    status: res.statusCode,
    headers: res.getHeaders(),
    body: Buffer.concat(chunks),
  };
  const outcome = validator.check(exchange);
  if (outcome.kind === 'violation') violations.push(outcome.message);
  else counts[outcome.kind] += 1;
  if (outcome.kind === 'validated') {
    const key = `${outcome.status}${outcome.code ? ` ${outcome.code}` : ''}`;
    const list = seen[outcome.operation] ?? [];
    if (!list.includes(key)) seen[outcome.operation] = [...list, key];
  }
}

const toBuffer = (chunk: unknown, encoding: unknown): Buffer | undefined => {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (typeof chunk === 'string')
    return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  return Buffer.from(chunk as Uint8Array);
};

const bodies = new WeakMap<ServerResponse, Buffer[]>();
const proto = ServerResponse.prototype as unknown as {
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => ServerResponse;
};
const { write, end } = proto;
proto.write = function (this: ServerResponse, ...args: unknown[]) {
  const b = toBuffer(args[0], args[1]);
  if (b) bodies.set(this, [...(bodies.get(this) ?? []), b]);
  return write.apply(this, args);
};
proto.end = function (this: ServerResponse, ...args: unknown[]) {
  const chunks = bodies.get(this) ?? [];
  const b = toBuffer(args[0], args[1]);
  if (b) chunks.push(b);
  bodies.delete(this);
  if (!this.writableEnded) {
    try {
      record(this, chunks);
    } catch (err) {
      violations.push(`the response validator failed: ${(err as Error).stack}`);
    }
  }
  return end.apply(this, args);
};

afterAll(() => {
  const file = expect.getState().testPath ?? 'unknown';
  mkdirSync(API_VALIDATION_DIR, { recursive: true });
  writeFileSync(
    join(API_VALIDATION_DIR, `${basename(file)}-${process.pid}.json`),
    JSON.stringify({ file, ...counts, violations, seen }, null, 2),
  );
  expect(violations, 'HTTP responses that do not match the OpenAPI document').toEqual([]);
});
