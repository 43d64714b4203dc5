import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/dynamodb-local.js';
import { createGroup, signUpAll } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

/** The value of one sample line (`name{labels} value`) in a Prometheus text page, or undefined. */
function sample(page: string, series: string): number | undefined {
  const line = page.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /metrics', () => {
  let server: TestServer;
  let metricsUrl: string;
  beforeAll(async () => {
    const port = await freePort();
    server = await startTestServer({ env: { METRICS_PORT: String(port) } });
    metricsUrl = `http://127.0.0.1:${port}/metrics`;
  });
  afterAll(() => server?.close());

  it('reports connections, frames, messages, ack latency, the writer and DynamoDB in Prometheus text', async () => {
    const [ann, bob] = await signUpAll(server.url, 'ann', 'bob');
    const chatId = await createGroup(server.url, ann, [bob]);
    const a = await TestSocket.ready(server.wsUrl, ann.accessToken);
    const b = await TestSocket.ready(server.wsUrl, bob.accessToken);
    a.send({ type: 'send', chatId, clientMsgId: 'm1', text: 'hi' });
    await a.next('ack');
    await b.next('message');

    const res = await fetch(metricsUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const page = await res.text();
    expect(sample(page, 'chatx_ws_connections')).toBe(2);
    expect(sample(page, 'chatx_ws_users')).toBe(2);
    expect(sample(page, 'chatx_ws_frames_in_total{type="send"}')).toBe(1);
    expect(sample(page, 'chatx_ws_frames_out_total{type="ack"}')).toBe(1);
    expect(sample(page, 'chatx_ws_frames_out_total{type="message"}')).toBe(1);
    expect(sample(page, 'chatx_messages_persisted_total')).toBe(1);
    expect(sample(page, 'chatx_ack_latency_seconds_count')).toBe(1);
    expect(sample(page, 'chatx_writer_batch_size_count')).toBe(1);
    expect(sample(page, 'chatx_writer_queue_depth')).toBe(0);
    expect(sample(page, 'chatx_dynamodb_calls_total{operation="BatchWriteItem"}')).toBeGreaterThanOrEqual(1);
    expect(sample(page, 'chatx_dynamodb_calls_total{operation="Query"}')).toBeGreaterThanOrEqual(1);
    expect(page).toContain('# TYPE chatx_dynamodb_throttles_total counter');
    expect(page).toContain('# TYPE chatx_bus_events_received_total counter');
    expect(page).toContain('# TYPE chatx_sync_replay_changes histogram');
    expect(sample(page, 'chatx_process_cpu_seconds_total')).toBeGreaterThan(0);
    a.close();
    b.close();
  });

  it('counts the changes a sync replays', async () => {
    const [carl] = await signUpAll(server.url, 'carl');
    const s = await TestSocket.ready(server.wsUrl, carl.accessToken);
    s.send({ type: 'sync' });
    await s.next('synced');
    const page = await (await fetch(metricsUrl)).text();
    expect(sample(page, 'chatx_sync_replay_changes_count')).toBeGreaterThanOrEqual(1);
    s.close();
  });

  it('is not served on the public port', async () => {
    const res = await fetch(`${server.url}/metrics`);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('chatx_');
  });

  it('answers 404 for anything but GET /metrics on its own port', async () => {
    expect((await fetch(metricsUrl.replace('/metrics', '/v1/users/me'))).status).toBe(404);
    expect((await fetch(metricsUrl, { method: 'POST' })).status).toBe(404);
  });

  it('is off when METRICS_PORT is 0', async () => {
    const off = await startTestServer({ env: { METRICS_PORT: '0' } });
    expect(off.running.metricsListener).toBeUndefined();
    await off.close();
  });
});
