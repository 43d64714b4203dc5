import { Writable } from 'node:stream';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { createLogger } from '../../src/lib/logger.js';
import { testConfig } from '../helpers/config.js';

describe('request bodies that cannot be decoded', () => {
  let lines = '';
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines += chunk;
      done();
    },
  });
  const logger = createLogger({ level: 'trace', pretty: false, destination: sink });
  const app = buildApp({ config: testConfig(), logger, readiness: [] });
  const garbage = Buffer.from('this is not gzip at all, just bytes \u0000\u00ff'.repeat(4));

  for (const encoding of ['gzip', 'deflate']) {
    it(`answers a corrupt ${encoding} body with 400 and logs no stack trace`, async () => {
      lines = '';
      const res = await request(app)
        .post('/v1/anything')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(garbage);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(lines).not.toMatch(/"stack"|at [\w.<>]+ \(/);
      expect(lines).not.toMatch(/"level":50/);
    });
  }
});
