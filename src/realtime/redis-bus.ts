import { Redis } from 'ioredis';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../metrics/registry.js';
import { type BusEvent, type EventHandler, type FanoutBus, LocalBus, type Topic } from './bus.js';
import { BROADCAST, RecentIds, routesOf } from './bus-routes.js';

interface Envelope {
  /** The publishing instance: it delivered locally already and skips its own echo. */
  o: string;
  /** Set when the event went to several channels: receivers deliver it once. */
  n?: string;
  e?: BusEvent;
  /** "I could not publish some events": receivers ask their clients to sync. */
  resync?: true;
}

export interface RedisBusOptions {
  url: string;
  /** Channel prefix, one per deployment stage so staging and prod never cross: `chatx:<prefix>`. */
  namespace: string;
  instanceId: string;
  logger: Logger;
  metrics?: Pick<Metrics, 'busPublished' | 'busReceived' | 'busChannels'>;
  /** How long watch() waits for Redis to confirm a subscription before letting a socket start. */
  watchTimeoutMs?: number;
}

/**
 * Cross-instance fan-out over Redis pub/sub, targeted: one channel per chat and per user, each
 * subscribed only while this instance holds a connection that needs it (Registry asks through
 * watch/unwatch), plus one broadcast channel for the few events every instance needs. An event is
 * delivered to local subscribers at once (this instance's users never wait on Redis) and published
 * once per channel of its routes. If Redis is down, local delivery and acks go on; remote
 * instances miss live frames until it returns, and their clients recover them with `sync`.
 */
export class RedisBus implements FanoutBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  /** This instance's subscribers: delivery here is the local bus's, Redis only carries events across. */
  private readonly local: LocalBus;
  private readonly recoveredHandlers = new Set<() => void>();
  /** Watch counts per topic, and the promise of its subscription. */
  private readonly watched = new Map<Topic, { count: number; ready: Promise<void> }>();
  private toSubscribe = new Set<string>();
  private toUnsubscribe = new Set<string>();
  private flushScheduled = false;
  private flushed: Promise<void> = Promise.resolve();
  private readonly seen = new RecentIds();
  private readonly selfPrefix: string;
  private seq = 0;
  private up = false;
  private everUp = false;
  /** Set when a publish failed: once Redis is back, the other instances must be told. */
  private dropped = false;
  private lastErrorLog = 0;

  constructor(private readonly opts: RedisBusOptions) {
    this.local = new LocalBus((err) => opts.logger.error({ err }, 'event handler failed'));
    this.selfPrefix = `{"o":${JSON.stringify(opts.instanceId)}`;
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
      // Subscriptions made while Redis is away are sent when it returns (and ioredis re-subscribes
      // to every channel it knows of on reconnect).
      enableOfflineQueue: true,
      maxRetriesPerRequest: null,
      connectionName: `chatx-sub-${opts.instanceId}`,
    });
    this.sub.on('message', (_channel: string, raw: string) => this.onMessage(raw));
    this.sub.on('ready', () => this.onSubReady());
    this.sub.on('close', () => this.onDown());
    this.pub.on('ready', () => this.announceDrops());
    for (const r of [this.pub, this.sub]) r.on('error', (err: Error) => this.logError('redis error', err));
    void this.sub
      .subscribe(this.channel(BROADCAST))
      .catch((err: Error) => this.logError('subscribe failed', err));
  }

  publish(event: BusEvent): void {
    this.local.publish(event);
    const routes = routesOf(event);
    const envelope: Envelope = { o: this.opts.instanceId, e: event };
    if (routes.length > 1) envelope.n = `${this.opts.instanceId}:${this.seq++}`;
    const raw = JSON.stringify(envelope);
    for (const route of routes) {
      this.pub.publish(this.channel(route), raw).catch((err: Error) => {
        this.dropped = true;
        this.logError('publish failed: other instances miss this event until their clients sync', err);
      });
    }
    this.opts.metrics?.busPublished.inc(event.type);
  }

  subscribe(handler: EventHandler): () => void {
    return this.local.subscribe(handler);
  }

  watch(topics: Iterable<Topic>): Promise<void> {
    const waits: Promise<void>[] = [];
    for (const topic of topics) {
      const w = this.watched.get(topic);
      if (w) {
        w.count += 1;
        waits.push(w.ready);
        continue;
      }
      const channel = this.channel(topic);
      if (!this.toUnsubscribe.delete(channel)) this.toSubscribe.add(channel);
      const ready = this.scheduleFlush();
      this.watched.set(topic, { count: 1, ready });
      waits.push(ready);
    }
    if (waits.length === 0 || !this.healthy()) return Promise.resolve();
    const timeoutMs = this.opts.watchTimeoutMs ?? 2_000;
    // Never hold a socket back for long: if Redis is slow the recovery path covers the gap.
    return Promise.race([
      Promise.all(waits).then(() => {}),
      new Promise<void>((r) => setTimeout(r, timeoutMs).unref()),
    ]);
  }

  unwatch(topics: Iterable<Topic>): void {
    for (const topic of topics) {
      const w = this.watched.get(topic);
      if (!w) continue;
      w.count -= 1;
      if (w.count > 0) continue;
      this.watched.delete(topic);
      const channel = this.channel(topic);
      if (!this.toSubscribe.delete(channel)) this.toUnsubscribe.add(channel);
      this.scheduleFlush();
    }
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

  private channel(route: Topic | typeof BROADCAST): string {
    // The broadcast channel keeps the name the single-channel bus used.
    return route === BROADCAST ? `${this.opts.namespace}events` : `${this.opts.namespace}${route}`;
  }

  /** Subscriptions asked for in one tick go out as one SUBSCRIBE (a socket joins many chats at once). */
  private scheduleFlush(): Promise<void> {
    if (!this.flushScheduled) {
      this.flushScheduled = true;
      this.flushed = new Promise<void>((resolve) =>
        queueMicrotask(() => {
          this.flushScheduled = false;
          resolve(this.flush());
        }),
      );
    }
    return this.flushed;
  }

  private async flush(): Promise<void> {
    const subscribe = [...this.toSubscribe];
    const unsubscribe = [...this.toUnsubscribe];
    this.toSubscribe = new Set();
    this.toUnsubscribe = new Set();
    this.opts.metrics?.busChannels.set(this.watched.size);
    const fail = (err: Error) => this.logError('subscription change failed', err);
    const done = [
      unsubscribe.length > 0 ? this.sub.unsubscribe(...unsubscribe).catch(fail) : undefined,
      subscribe.length > 0 ? this.sub.subscribe(...subscribe).catch(fail) : undefined,
    ];
    await Promise.all(done);
  }

  private onMessage(raw: string): void {
    // Our own echo (we delivered locally already): skipped without parsing it.
    if (raw.startsWith(this.selfPrefix)) return;
    let envelope: Envelope;
    try {
      envelope = JSON.parse(raw) as Envelope;
    } catch {
      return;
    }
    if (envelope.resync) return this.recovered();
    const e = envelope.e;
    if (!e || (envelope.n !== undefined && !this.seen.first(envelope.n))) return;
    this.opts.metrics?.busReceived.inc(e.type);
    this.local.publish(e, true);
  }

  private announceDrops(): void {
    if (!this.dropped) return;
    const envelope: Envelope = { o: this.opts.instanceId, resync: true };
    this.pub.publish(this.channel(BROADCAST), JSON.stringify(envelope)).then(
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
