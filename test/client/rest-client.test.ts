import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { restScenario } from './rest-scenario.js';

describe('a REST client generated from the OpenAPI document', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  it('signs up, creates a group, sends and reads history through openapi-fetch', async () => {
    const tag = Math.random().toString(36).slice(2, 8);
    const result = await restScenario(base, tag);
    expect(result.chatId).toMatch(/^g_/);
    expect(result.sent).toBe('hello from a generated client');
    expect(result.history).toEqual(['hello from a generated client']);
    expect(result.missingChat).toBe('not_found');
  });
});
