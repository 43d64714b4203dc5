import asyncApiSpecs from '@asyncapi/specs';
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { type ErrorCode, errorCatalogue } from '../src/lib/errors.js';
import { frameName } from '../src/openapi/components.js';
import { TAGS } from '../src/openapi/operation.js';
import { clientFrame, serverFrame } from '../src/realtime/frames.js';
import { createTestApp, type TestApp } from './helpers/app.js';
import { silentLogger, testConfig } from './helpers/config.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

interface Layer {
  rawPath?: string;
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every method + path Express actually serves, in OpenAPI's {param} notation. */
function expressRoutes(app: Express): string[] {
  const out: string[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const m of Object.keys(layer.route.methods)) out.push(`${m} ${join(prefix, layer.route.path)}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, join(prefix, layer.rawPath ?? ''));
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out.map((r) => r.replace(/:(\w+)/g, '{$1}'));
}
const join = (a: string, b: string) => `${a}${b === '/' ? '' : b}`.replace(/\/+/g, '/') || '/';

const DOCUMENT_FILE = 'src/openapi/document.ts';

interface Operation {
  operationId?: string;
  tags?: string[];
  summary?: string;
  security?: unknown[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: { $ref?: string } }> };
  responses: Record<string, unknown>;
}

/** The value at a path of keys, or undefined. */
const dig = (v: unknown, ...keys: (string | number)[]): unknown =>
  keys.reduce<unknown>(
    (o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined),
    v,
  );

describe('OpenAPI document', () => {
  let t: TestApp;
  let doc: { paths: Record<string, Record<string, unknown>> };
  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.app).get('/v1/openapi.json')).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(doc as unknown as Parameters<Validator['validate']>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('lists exactly the routes the app serves', () => {
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    const served = expressRoutes(t.app);
    expect([...new Set(served)].sort()).toEqual(documented.sort());
  });

  it('names every operation (a unique camelCase operationId) and tags it with a declared tag', () => {
    const tags = new Set(TAGS.map((t) => t.name));
    const problems: string[] = [];
    const ids = new Map<string, string>();
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
        const where = `${method.toUpperCase()} ${path} (in ${DOCUMENT_FILE})`;
        if (!op.operationId) problems.push(`${where}: add operationId, e.g. 'verbNoun'`);
        else if (!/^[a-z][A-Za-z0-9]+$/.test(op.operationId))
          problems.push(`${where}: operationId ${op.operationId} is not camelCase`);
        else if (ids.has(op.operationId))
          problems.push(`${where}: operationId ${op.operationId} is already ${ids.get(op.operationId)}'s`);
        else ids.set(op.operationId, `${method.toUpperCase()} ${path}`);
        const tag = op.tags?.[0];
        if (!tag || !tags.has(tag) || op.tags?.length !== 1)
          problems.push(
            `${where}: add one tag of ${[...tags].join(', ')} (TAGS in src/openapi/operation.ts)`,
          );
        if (!op.summary) problems.push(`${where}: add a summary`);
      }
    expect(problems).toEqual([]);
  });

  it('lists the catalogue codes of each error status and requires every request body', () => {
    const problems: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths))
      for (const [method, op] of Object.entries(ops as Record<string, Operation>)) {
        const where = `${method.toUpperCase()} ${path}`;
        if (op.requestBody && !op.requestBody.required)
          problems.push(`${where}: its request body is not required (use body() in ${DOCUMENT_FILE})`);
        const schema = op.requestBody?.content?.['application/json']?.schema;
        if (schema && !schema.$ref)
          problems.push(`${where}: name its request body schema in src/openapi/components.ts`);
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) < 400 || path === '/readyz') continue;
          const codes = dig(r, 'content', 'application/json', 'schema', 'allOf', 1, 'properties', 'error')
            ? (dig(
                r,
                'content',
                'application/json',
                'schema',
                'allOf',
                1,
                'properties',
                'error',
                'properties',
                'code',
                'enum',
              ) as string[])
            : undefined;
          if (!codes)
            problems.push(
              `${where} ${status}: list its codes with \`codes\` on the entry, not errors(${status})`,
            );
          for (const code of codes ?? [])
            if (errorCatalogue[code as ErrorCode]?.status !== Number(status))
              problems.push(`${where} ${status}: ${code} is not a ${status} in src/lib/errors.ts`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('describes every WebSocket frame as a named component', () => {
    const schemas = Object.keys((doc as unknown as { components: { schemas: object } }).components.schemas);
    for (const f of clientFrame.options) expect(schemas).toContain(frameName('Client', f.shape.type.value));
    for (const f of serverFrame.options) expect(schemas).toContain(frameName('Server', f.shape.type.value));
    for (const model of [
      'User',
      'Me',
      'Chat',
      'Member',
      'Message',
      'ChatPage',
      'MessagePage',
      'SyncPage',
      'Error',
    ])
      expect(schemas).toContain(model);
  });

  it('serves a human page at /docs that needs nothing from the network', async () => {
    const res = await request(t.app).get('/docs');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.text).toContain('/v1/chats/{chatId}/messages');
    // Public operations carry no lock; the rest need a bearer token.
    expect(res.text).toContain('<code>/v1/auth/login</code> — Sign in</summary>');
    expect(res.text).toContain(
      '<code>/v1/chats</code> — My chats, most recent activity first <span class="lock">',
    );
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!localhost)/);
  });
});

describe('AsyncAPI document', () => {
  it('is a valid AsyncAPI 3.0 document with one message per WebSocket frame', async () => {
    const doc = (
      await request(buildApp({ config: testConfig(), logger: silentLogger(), readiness: [] })).get(
        '/v1/asyncapi.json',
      )
    ).body;
    // The AsyncAPI schema carries its own copy of the draft-07 meta-schema: Ajv's stays out.
    const ajv = addFormats(new Ajv({ strict: false, allErrors: true, meta: false, validateSchema: false }));
    const validate = ajv.compile(asyncApiSpecs.schemas['3.0.0'] as object);
    expect(validate(doc) ? [] : validate.errors).toEqual([]);
    const messages = Object.values(doc.components.messages as Record<string, { name: string }>);
    expect(messages.map((m) => m.name).sort()).toEqual(
      [...clientFrame.options, ...serverFrame.options].map((f) => f.shape.type.value).sort(),
    );
  });
});
