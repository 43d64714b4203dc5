import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';

// The process's metrics, one registry per running server (tests start several in one process).
// Modules get narrow handles (a counter by label, a histogram), never the registry itself.

/**
 * Counts by one label. The hot path (frames in and out, DynamoDB calls) only adds to a number in
 * a Map; prom-client hears of the sums when /metrics is read. Its own `inc` hashes and validates
 * the labels and returns a result object on every call, which was a few MB of garbage a second
 * at 2,000 messages/s.
 */
export class LabelCounter {
  private readonly pending = new Map<string, number>();

  constructor(name: string, help: string, label: string, registers: Registry[]) {
    const pending = this.pending;
    new Counter({
      name,
      help,
      labelNames: [label],
      registers,
      collect() {
        for (const [value, n] of pending)
          if (n > 0) {
            this.inc({ [label]: value }, n);
            pending.set(value, 0);
          }
      },
    });
  }

  inc(label: string, n = 1): void {
    this.pending.set(label, (this.pending.get(label) ?? 0) + n);
  }
}

/** Values read when /metrics is scraped (no work on the hot path): connections, queue depth. */
export type Sampler = () => number;

export interface Metrics {
  readonly registry: Registry;
  readonly framesIn: LabelCounter;
  readonly framesOut: LabelCounter;
  readonly messagesPersisted: Counter<string>;
  /** From a send's arrival at the writer to its ack (durable and published), in seconds. */
  readonly ackLatency: Histogram<string>;
  readonly writerBatchSize: Histogram<string>;
  /** Messages that failed because their chat's write failed, by error name. */
  readonly writerChatFailures: LabelCounter;
  readonly dynamoCalls: LabelCounter;
  readonly dynamoErrors: LabelCounter;
  readonly dynamoThrottles: LabelCounter;
  readonly busPublished: LabelCounter;
  /** Events from other instances that this one parsed. */
  readonly busReceived: LabelCounter;
  /** Events received from other instances that reached no connection here. */
  readonly busUnneeded: LabelCounter;
  /** Bus channels this instance is subscribed to (chats and users with a connection here). */
  readonly busChannels: Gauge<string>;
  /** Changes replayed per `sync` page. */
  readonly syncReplay: Histogram<string>;
  /** Registers what the gauges read at scrape time. */
  sample(name: 'connections' | 'users' | 'writerQueue', read: Sampler): void;
}

export function createMetrics(opts: { defaults?: boolean } = {}): Metrics {
  const registry = new Registry();
  if (opts.defaults !== false) collectDefaultMetrics({ register: registry, prefix: 'chatx_' });
  const registers = [registry];
  const samplers = new Map<string, Sampler>();
  const sampled = (name: string, help: string, key: string) =>
    new Gauge({
      name,
      help,
      registers,
      collect() {
        this.set(samplers.get(key)?.() ?? 0);
      },
    });
  sampled('chatx_ws_connections', 'Open WebSocket connections (authenticated)', 'connections');
  sampled('chatx_ws_users', 'Distinct users with a connection here', 'users');
  sampled('chatx_writer_queue_depth', 'Sends waiting for a message write', 'writerQueue');
  const counter = (name: string, help: string, label: string) =>
    new LabelCounter(name, help, label, registers);
  return {
    registry,
    framesIn: counter('chatx_ws_frames_in_total', 'WebSocket frames received, by type', 'type'),
    framesOut: counter('chatx_ws_frames_out_total', 'WebSocket frames written, by type', 'type'),
    messagesPersisted: new Counter({
      name: 'chatx_messages_persisted_total',
      help: 'New messages written durably',
      registers,
    }),
    ackLatency: new Histogram({
      name: 'chatx_ack_latency_seconds',
      help: 'From a send reaching the writer to its ack',
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    writerBatchSize: new Histogram({
      name: 'chatx_writer_batch_size',
      help: 'Messages per BatchWriteItem batch',
      buckets: [1, 2, 5, 10, 15, 20, 25],
      registers,
    }),
    writerChatFailures: counter(
      'chatx_writer_chat_failures_total',
      "Messages failed because their chat's write failed (other chats in the batch unaffected)",
      'error',
    ),
    dynamoCalls: counter('chatx_dynamodb_calls_total', 'DynamoDB requests (each attempt)', 'operation'),
    dynamoErrors: counter('chatx_dynamodb_errors_total', 'DynamoDB requests that failed', 'operation'),
    dynamoThrottles: counter('chatx_dynamodb_throttles_total', 'DynamoDB requests throttled', 'operation'),
    busPublished: counter('chatx_bus_events_published_total', 'Events published to other instances', 'type'),
    busReceived: counter('chatx_bus_events_received_total', 'Events received from other instances', 'type'),
    busUnneeded: counter(
      'chatx_bus_events_unneeded_total',
      'Events received from other instances that no connection here needed',
      'type',
    ),
    busChannels: new Gauge({
      name: 'chatx_bus_channels',
      help: 'Bus channels subscribed (chats and users with a connection here)',
      registers,
    }),
    syncReplay: new Histogram({
      name: 'chatx_sync_replay_changes',
      help: 'Changes replayed per sync page',
      buckets: [0, 1, 5, 10, 50, 100, 250, 500],
      registers,
    }),
    sample(name, read) {
      samplers.set(name, read);
    },
  };
}
