import { mkdirSync, writeFileSync } from 'node:fs';
import { ServerResponse } from 'node:http';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { type Exchange, ResponseValidator } from './openapi-validator.js';

// A vitest setup file: every HTTP response the app sends in this test file's process (supertest,
// fetch, the in-process test server) is checked against the OpenAPI document as it is sent; the
// file fails if any did not match. Counts go to test-artifacts/api-validation/ for the CI summary
// (`pnpm api:validated`). Servers run as child processes (dist/) are not seen.

export const API_VALIDATION_DIR = 'test-artifacts/api-validation';

interface State {
  violations: string[];
  counts: { validated: number; unrouted: number; skipped: number };
  /** operationId → "status code" pairs seen, for the coverage summary. */
  seen: Record<string, string[]>;
  /** Time spent validating, for the CI summary. */
  ms: number;
}
// On globalThis: a test importing apiValidation() must see this file's state, and the response
// prototype must be patched once however often the module is evaluated.
const KEY = Symbol.for('chat-x.api-validation');
const global = globalThis as { [KEY]?: State };

const fresh = (): State => ({
  violations: [],
  counts: { validated: 0, unrouted: 0, skipped: 0 },
  seen: {},
  ms: 0,
});

/** What this test file's HTTP traffic looked like against the document so far. */
export function apiValidation(): State {
  global[KEY] ??= fresh();
  return global[KEY];
}

// Each test file counts its own (a worker process may run several).
beforeAll(() => {
  global[KEY] = fresh();
});

const validator = new ResponseValidator();

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
  const started = performance.now();
  const outcome = validator.check(exchange);
  apiValidation().ms += performance.now() - started;
  const { violations, counts, seen } = apiValidation();
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
const patched = Symbol.for('chat-x.api-validation.patched');
const proto = ServerResponse.prototype as unknown as {
  write: (...args: unknown[]) => boolean;
  end: (...args: unknown[]) => ServerResponse;
};
const { write, end } = proto;
if (!(patched in proto)) patch();

function patch(): void {
  Object.defineProperty(proto, patched, { value: true });
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
        apiValidation().violations.push(`the response validator failed: ${(err as Error).stack}`);
      }
    }
    return end.apply(this, args);
  };
}

afterAll(() => {
  const file = expect.getState().testPath ?? 'unknown';
  mkdirSync(API_VALIDATION_DIR, { recursive: true });
  writeFileSync(
    join(API_VALIDATION_DIR, `${basename(file)}-${process.pid}.json`),
    JSON.stringify({ file, ...apiValidation().counts, ...apiValidation() }, null, 2),
  );
  expect(apiValidation().violations, 'HTTP responses that do not match the OpenAPI document').toEqual([]);
});
