import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../metrics/registry.js';
import { type BusEvent, type EventHandler, type FanoutBus, LocalBus } from './bus.js';

interface Envelope {
  /** The publishing instance: it delivered locally already and skips its own echo. */
  o: string;
  e?: BusEvent;
  /** "I could not publish some events": receivers ask their clients to sync. */
  resync?: true;
}

export interface RedisBusOptions {
  url: string;
  /** Channel name; one per deployment stage so staging and prod never cross. */
  channel: string;
  instanceId: string;
  logger: Logger;
  metrics?: Pick<Metrics, 'busPublished' | 'busReceived' | 'busChannels'>;
}

/**
 * Cross-instance fan-out over Redis pub/sub. Each event is delivered to local subscribers at
 * once (so this instance's users never wait on Redis) and published once for the others, which
 * deliver it to their own connections. If Redis is down, local delivery and acks go on; remote
 * instances miss live frames until it returns, and their clients recover them with `sync`
 * (the hub asks them to, see onRecovered).
 */
export class RedisBus implements FanoutBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** This instance's subscribers: delivery here is the local bus's, Redis only carries events across. */
  private readonly local: LocalBus;
  private readonly recoveredHandlers = new Set<() => void>();
  private up = false;
  private everUp = false;
  /** Set when a publish failed: once Redis is back, the other instances must be told. */
  private dropped = false;
  private lastErrorLog = 0;

  constructor(private readonly opts: RedisBusOptions) {
    this.local = new LocalBus((err) => opts.logger.error({ err }, 'event handler failed'));
    const common = {
      // Fail publishes at once while disconnected instead of queueing them without bound.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      retryStrategy: (times: number) => Math.min(2_000, 100 * 2 ** Math.min(times, 5)),
      lazyConnect: false,
    };
    this.pub = new Redis(opts.url, { ...common, connectionName: `chatx-pub-${opts.instanceId}` });
    this.sub = new Redis(opts.url, {
      ...common,
      enableOfflineQueue: true,
      connectionName: `chatx-sub-${opts.instanceId}`,
    });
    this.sub.on('message', (_channel: string, raw: string) => this.onMessage(raw));
    this.sub.on('ready', () => this.onSubReady());
    this.sub.on('close', () => this.onDown());
    this.pub.on('ready', () => this.announceDrops());
    for (const r of [this.pub, this.sub]) r.on('error', (err: Error) => this.logError('redis error', err));
    void this.sub.subscribe(opts.channel).catch((err: Error) => this.logError('subscribe failed', err));
  }

  publish(event: BusEvent): void {
    this.local.publish(event);
    const envelope: Envelope = { o: this.opts.instanceId, e: event };
    this.pub.publish(this.opts.channel, JSON.stringify(envelope)).catch((err: Error) => {
      this.dropped = true;
      this.logError('publish failed: other instances miss this event until their clients sync', err);
    });
  }

  subscribe(handler: EventHandler): () => void {
    return this.local.subscribe(handler);
  }

  /** Called when fan-out works again after an outage: live frames may have been missed. */
  onRecovered(handler: () => void): () => void {
    this.recoveredHandlers.add(handler);
    return () => this.recoveredHandlers.delete(handler);
  }

  /** The command connection, shared with presence. */
  get redis(): Redis {
    return this.pub;
  }

  healthy(): boolean {
    return this.up && this.pub.status === 'ready';
  }

  async ping(): Promise<void> {
    if (!this.healthy()) throw new Error('redis is not connected');
    await this.pub.ping();
  }

  async close(): Promise<void> {
    await this.local.close();
    this.sub.disconnect();
    this.pub.disconnect();
  }

  private onMessage(raw: string): void {
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.o === this.opts.instanceId) return;
    if (envelope.resync) return this.recovered();
    if (envelope.e) this.local.publish(envelope.e, true);
  }

  private announceDrops(): void {
    if (!this.dropped) return;
    const envelope: Envelope = { o: this.opts.instanceId, resync: true };
    this.pub.publish(this.opts.channel, JSON.stringify(envelope)).then(
      () => {
        this.dropped = false;
      },
      (err: Error) => this.logError('could not announce dropped events', err),
    );
  }

  private recovered(): void {
    for (const h of this.recoveredHandlers) h();
  }

  private onSubReady(): void {
    // ioredis re-subscribes on reconnect; 'ready' after that means events flow again.
    const recovering = this.everUp && !this.up;
    this.up = true;
    this.everUp = true;
    if (recovering) {
      this.opts.logger.warn('redis is back: cross-instance fan-out resumed; asking clients to sync');
      this.recovered();
    }
    // Our own publishes may have failed while the subscriber was down too.
    this.announceDrops();
  }

  private onDown(): void {
    if (this.up)
      this.opts.logger.error(
        'redis connection lost: cross-instance fan-out is DOWN (local delivery and acks continue)',
      );
    this.up = false;
  }

  // Loud, but not one line per message while Redis is down.
  private logError(msg: string, err: Error): void {
    const now = Date.now();
    if (now - this.lastErrorLog < 5_000) return;
    this.lastErrorLog = now;
    this.opts.logger.error({ err: { message: err.message } }, msg);
  }
}
