import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { silentLogger, testConfig } from '../helpers/config.js';

const app = buildApp({ config: testConfig(), logger: silentLogger(), readiness: [] });

describe('error shapes', () => {
  it('answers unknown routes with a 404 JSON error', async () => {
    const res = await request(app).get('/no/such/route');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'not_found', message: 'No route for GET /no/such/route' } });
  });

  it('answers a malformed JSON body with 400, never 500', async () => {
    const res = await request(app).post('/v1/anything').set('content-type', 'application/json').send('{"a":');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('malformed_json');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await request(app)
      .post('/v1/anything')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ text: 'x'.repeat(100_000) }));
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('payload_too_large');
  });

  it('answers an unsupported charset with 400', async () => {
    const res = await request(app)
      .post('/v1/anything')
      .set('content-type', 'application/json; charset=klingon')
      .send('{}');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('tags every response with a request id', async () => {
    const res = await request(app).get('/healthz');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const echoed = await request(app).get('/healthz').set('x-request-id', 'client-req-12345');
    expect(echoed.headers['x-request-id']).toBe('client-req-12345');
  });
});
