import { createSocket, type Socket } from 'node:dgram';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from './registry.js';

/** What goes to CloudWatch every interval: the numbers the alarms watch, per instance's stage. */
export interface EmfSnapshot {
  AckLatencyP99: number;
  MessagesPersisted: number;
  DynamoDBThrottles: number;
  DynamoDBErrors: number;
  Connections: number;
  BusEventsReceived: number;
}

type Totals = { buckets: Map<number, number>; counters: Map<string, number> };

/**
 * Sends the key metrics to the CloudWatch agent's embedded-metric-format listener (configured by
 * .ebextensions/04-metrics.config) once per interval; CloudWatch extracts them from the log event,
 * so alarms need no PutMetricData permission. Counters go as deltas over the interval, the ack
 * latency as that interval's p99 (upper bound of the histogram bucket holding it), in ms.
 */
export class EmfReporter {
  private readonly socket: Socket;
  private readonly timer: NodeJS.Timeout;
  private last: Totals | undefined;

  constructor(
    private readonly metrics: Metrics,
    private readonly opts: { endpoint: URL; stage: string; intervalMs: number; logger: Logger },
  ) {
    this.socket = createSocket('udp4');
    this.socket.on('error', (err) => opts.logger.warn({ err: { message: err.message } }, 'emf send failed'));
    this.timer = setInterval(() => void this.report(), opts.intervalMs);
    this.timer.unref();
  }

  /** Builds this interval's snapshot and sends it as one EMF document. */
  async report(): Promise<EmfSnapshot> {
    const snapshot = await this.snapshot();
    const doc = emfDocument(this.opts.stage, snapshot, Date.now());
    const { hostname, port } = this.opts.endpoint;
    this.socket.send(`${JSON.stringify(doc)}\n`, Number(port), hostname);
    return snapshot;
  }

  close(): void {
    clearInterval(this.timer);
    this.socket.close();
  }

  private async snapshot(): Promise<EmfSnapshot> {
    const now = await this.totals();
    const prev = this.last;
    this.last = now;
    const delta = (name: string) => (now.counters.get(name) ?? 0) - (prev?.counters.get(name) ?? 0);
    const connections = (await this.metrics.registry.getSingleMetric('chatx_ws_connections')?.get())
      ?.values[0]?.value;
    return {
      AckLatencyP99: p99(now.buckets, prev?.buckets) * 1000,
      MessagesPersisted: delta('chatx_messages_persisted_total'),
      DynamoDBThrottles: delta('chatx_dynamodb_throttles_total'),
      DynamoDBErrors: delta('chatx_dynamodb_errors_total'),
      Connections: connections ?? 0,
      BusEventsReceived: delta('chatx_bus_events_received_total'),
    };
  }

  private async totals(): Promise<Totals> {
    const buckets = new Map<number, number>();
    for (const v of (await this.metrics.ackLatency.get()).values)
      if (v.metricName === 'chatx_ack_latency_seconds_bucket')
        buckets.set(v.labels.le === '+Inf' ? Number.POSITIVE_INFINITY : Number(v.labels.le), v.value);
    const counters = new Map<string, number>();
    for (const name of [
      'chatx_messages_persisted_total',
      'chatx_dynamodb_throttles_total',
      'chatx_dynamodb_errors_total',
      'chatx_bus_events_received_total',
    ]) {
      const metric = await this.metrics.registry.getSingleMetric(name)?.get();
      counters.set(name, metric?.values.reduce((sum, v) => sum + v.value, 0) ?? 0);
    }
    return { buckets, counters };
  }
}

/** The 99th percentile's bucket bound over the interval (0 when nothing was acked). */
function p99(now: Map<number, number>, prev: Map<number, number> | undefined): number {
  const bounds = [...now.keys()].sort((a, b) => a - b);
  const count = (le: number) => (now.get(le) ?? 0) - (prev?.get(le) ?? 0);
  const total = count(Number.POSITIVE_INFINITY);
  if (total === 0) return 0;
  const finite = bounds.filter(Number.isFinite);
  for (const le of finite) if (count(le) >= 0.99 * total) return le;
  // Beyond the last bucket: report that bound doubled, which is over any sane threshold.
  return (finite.at(-1) ?? 0) * 2;
}

export function emfDocument(stage: string, s: EmfSnapshot, timestamp: number): Record<string, unknown> {
  const units: Record<keyof EmfSnapshot, string> = {
    AckLatencyP99: 'Milliseconds',
    MessagesPersisted: 'Count',
    DynamoDBThrottles: 'Count',
    DynamoDBErrors: 'Count',
    Connections: 'Count',
    BusEventsReceived: 'Count',
  };
  return {
    _aws: {
      Timestamp: timestamp,
      CloudWatchMetrics: [
        {
          Namespace: 'ChatX',
          Dimensions: [['Stage']],
          Metrics: Object.entries(units).map(([Name, Unit]) => ({ Name, Unit })),
        },
      ],
    },
    Stage: stage,
    ...s,
  };
}
