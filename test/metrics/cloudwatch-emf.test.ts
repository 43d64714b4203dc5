import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { EmfReporter } from '../../src/metrics/emf.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { silentLogger } from '../helpers/config.js';

describe('CloudWatch embedded metric format', () => {
  it("sends the interval's ack p99, throttles and messages to the agent as one EMF document", async () => {
    const agent = createSocket('udp4');
    await new Promise<void>((r) => agent.bind(0, '127.0.0.1', r));
    const received = new Promise<string>((r) => agent.once('message', (m) => r(m.toString())));
    const metrics = createMetrics({ defaults: false });
    const port = (agent.address() as AddressInfo).port;
    const reporter = new EmfReporter(metrics, {
      endpoint: new URL(`udp://127.0.0.1:${port}`),
      stage: 'prod',
      intervalMs: 3_600_000,
      logger: silentLogger(),
    });
    for (let i = 0; i < 98; i++) metrics.ackLatency.observe(0.004);
    metrics.ackLatency.observe(0.2);
    metrics.ackLatency.observe(0.2);
    metrics.messagesPersisted.inc(100);
    metrics.dynamoThrottles.inc('BatchWriteItem', 3);

    const snapshot = await reporter.report();
    const doc = JSON.parse(await received);
    expect(snapshot).toMatchObject({ AckLatencyP99: 250, MessagesPersisted: 100, DynamoDBThrottles: 3 });
    expect(doc).toMatchObject({ Stage: 'prod', AckLatencyP99: 250, DynamoDBThrottles: 3 });
    expect(doc._aws.CloudWatchMetrics[0]).toMatchObject({ Namespace: 'ChatX', Dimensions: [['Stage']] });
    expect(doc._aws.CloudWatchMetrics[0].Metrics).toContainEqual({
      Name: 'AckLatencyP99',
      Unit: 'Milliseconds',
    });

    // The next interval reports only what happened in it.
    const next = await reporter.report();
    expect(next).toMatchObject({ AckLatencyP99: 0, MessagesPersisted: 0, DynamoDBThrottles: 0 });
    reporter.close();
    agent.close();
  });
});
