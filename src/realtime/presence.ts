import type { ChainableCommander, Redis } from 'ioredis';
import type { Logger } from '../lib/logger.js';

/** Who is online anywhere: "online" means at least one open connection on any instance. */
export interface PresenceStore {
  /** A connection of the user opened here; true when the user just came online everywhere. */
  connected(userId: string): Promise<boolean>;
  /** A connection closed here; true when the user just went offline everywhere. */
  disconnected(userId: string): Promise<boolean>;
  online(userIds: readonly string[]): Promise<Set<string>>;
  /**
   * When each of these users was last online: `Infinity` while online now, else when their last
   * connection closed, for users who went offline within `OFFLINE_MARK_MS`; others are left out.
   * Push compares it with when a message was stored and fanned out: online then, it was live.
   */
  lastOnline(userIds: readonly string[]): Promise<Map<string, number>>;
  close(): Promise<void>;
}

/** How long "went offline at" is remembered: longer than any plan waits behind the push queue. */
export const OFFLINE_MARK_MS = 5 * 60_000;
/** Offline marks kept in memory at most (oldest dropped first). */
const MAX_MARKS = 100_000;

/** One instance: presence is this process's connection counts. */
export class LocalPresence implements PresenceStore {
  protected readonly counts = new Map<string, number>();
  /** userId → when their last connection here closed, oldest first. */
  private readonly offAt = new Map<string, number>();

  async connected(userId: string): Promise<boolean> {
    return this.inc(userId) === 1;
  }

  async disconnected(userId: string): Promise<boolean> {
    return this.dec(userId) === 0;
  }

  async online(userIds: readonly string[]): Promise<Set<string>> {
    return new Set(userIds.filter((u) => this.counts.has(u)));
  }

  async lastOnline(userIds: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    const since = Date.now() - OFFLINE_MARK_MS;
    for (const u of userIds) {
      const off = this.offAt.get(u);
      if (this.counts.has(u)) out.set(u, Number.POSITIVE_INFINITY);
      else if (off !== undefined && off > since) out.set(u, off);
    }
    return out;
  }

  async close(): Promise<void> {}

  protected inc(userId: string): number {
    const n = (this.counts.get(userId) ?? 0) + 1;
    this.counts.set(userId, n);
    return n;
  }

  protected dec(userId: string): number {
    const n = (this.counts.get(userId) ?? 1) - 1;
    if (n <= 0) {
      this.counts.delete(userId);
      this.markOffline(userId, Date.now());
    } else this.counts.set(userId, n);
    return Math.max(0, n);
  }

  private markOffline(userId: string, now: number): void {
    this.offAt.delete(userId);
    this.offAt.set(userId, now);
    // Insertion order is time order: expired marks are at the front.
    for (const [u, at] of this.offAt) {
      if (at > now - OFFLINE_MARK_MS && this.offAt.size <= MAX_MARKS) break;
      this.offAt.delete(u);
    }
  }
}

export interface RedisPresenceOptions {
  redis: Redis;
  namespace: string;
  instanceId: string;
  logger: Logger;
  /** Called for users of a crashed instance once they are offline everywhere. */
  onReaped(userId: string): void;
  heartbeatMs?: number;
  /** An instance silent this long is dead; its users' entries expire with it. */
  ttlMs?: number;
}

/**
 * Several instances: per user a Redis hash of instanceId → expiry, refreshed by each instance's
 * heartbeat. A crashed instance stops refreshing; within ttlMs its entries count as gone, and a
 * surviving instance reaps them and announces the users that are now offline.
 */
export class RedisPresence extends LocalPresence {
  private readonly heartbeatMs: number;
  private readonly ttlMs: number;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly o: RedisPresenceOptions) {
    super();
    this.heartbeatMs = o.heartbeatMs ?? 20_000;
    this.ttlMs = o.ttlMs ?? 60_000;
    this.timer = setInterval(() => void this.tick(), this.heartbeatMs);
    this.timer.unref();
    void this.tick();
  }

  private key = (userId: string) => `${this.o.namespace}presence:${userId}`;
  /** When the user's last connection on any instance closed (kept OFFLINE_MARK_MS). */
  private offKey = (userId: string) => `${this.o.namespace}presence-off:${userId}`;
  private usersKey = (instanceId: string) => `${this.o.namespace}instance:${instanceId}:users`;
  private instancesKey = () => `${this.o.namespace}instances`;

  override async connected(userId: string): Promise<boolean> {
    if (this.inc(userId) > 1) return false;
    return this.guard(async () => {
      const others = await this.liveElsewhere(userId);
      await this.stamp(this.o.redis.multi(), userId, Date.now())
        .sadd(this.usersKey(this.o.instanceId), userId)
        .exec();
      return !others;
    }, true);
  }

  override async disconnected(userId: string): Promise<boolean> {
    if (this.dec(userId) > 0) return false;
    return this.guard(async () => {
      // The mark is written even if another instance still has a socket: online there wins.
      await this.o.redis
        .multi()
        .hdel(this.key(userId), this.o.instanceId)
        .srem(this.usersKey(this.o.instanceId), userId)
        .set(this.offKey(userId), Date.now(), 'PX', OFFLINE_MARK_MS)
        .exec();
      return !(await this.liveElsewhere(userId));
    }, true);
  }

  override async online(userIds: readonly string[]): Promise<Set<string>> {
    const local = await super.online(userIds);
    return this.guard(async () => {
      const pipeline = this.o.redis.pipeline();
      for (const u of userIds) pipeline.hvals(this.key(u));
      const results = (await pipeline.exec()) ?? [];
      const now = Date.now();
      results.forEach(([, vals], i) => {
        if ((vals as string[] | null)?.some((v) => Number(v) > now)) local.add(userIds[i] as string);
      });
      return local;
    }, local);
  }

  override async lastOnline(userIds: readonly string[]): Promise<Map<string, number>> {
    const local = await super.lastOnline(userIds);
    return this.guard(async () => {
      const pipeline = this.o.redis.pipeline();
      for (const u of userIds) pipeline.hvals(this.key(u)).get(this.offKey(u));
      const results = (await pipeline.exec()) ?? [];
      const now = Date.now();
      userIds.forEach((u, i) => {
        const live = results[2 * i]?.[1] as string[] | null;
        const off = Number(results[2 * i + 1]?.[1] ?? Number.NaN);
        if (live?.some((v) => Number(v) > now)) local.set(u, Number.POSITIVE_INFINITY);
        else if (off > (local.get(u) ?? 0)) local.set(u, off);
      });
      return local;
    }, local);
  }

  override async close(): Promise<void> {
    clearInterval(this.timer);
    await this.guard(async () => {
      // A clean shutdown removes its entries at once rather than waiting for them to expire.
      const users = [...this.counts.keys()];
      const m = this.o.redis.multi();
      const now = Date.now();
      for (const u of users)
        m.hdel(this.key(u), this.o.instanceId).set(this.offKey(u), now, 'PX', OFFLINE_MARK_MS);
      m.del(this.usersKey(this.o.instanceId)).zrem(this.instancesKey(), this.o.instanceId);
      await m.exec();
    }, undefined);
  }

  /** Marks the user live here until now + ttl; the key expires at twice that, so a user no instance
   * refreshes any more leaves nothing behind. */
  private stamp(m: ChainableCommander, userId: string, now: number): ChainableCommander {
    return m
      .hset(this.key(userId), this.o.instanceId, now + this.ttlMs)
      .pexpire(this.key(userId), this.ttlMs * 2);
  }

  private async liveElsewhere(userId: string): Promise<boolean> {
    const entries = await this.o.redis.hgetall(this.key(userId));
    const now = Date.now();
    return Object.entries(entries).some(([inst, exp]) => inst !== this.o.instanceId && Number(exp) > now);
  }

  private async tick(): Promise<void> {
    await this.guard(async () => {
      const now = Date.now();
      const m = this.o.redis.multi().zadd(this.instancesKey(), now, this.o.instanceId);
      for (const u of this.counts.keys()) this.stamp(m, u, now);
      await m.exec();
      await this.reap(now);
    }, undefined);
  }

  /** Takes over the users of instances that stopped heart-beating. */
  private async reap(now: number): Promise<void> {
    const dead = await this.o.redis.zrangebyscore(this.instancesKey(), 0, now - this.ttlMs);
    for (const instanceId of dead) {
      const lock = await this.o.redis.set(
        `${this.o.namespace}reap:${instanceId}`,
        this.o.instanceId,
        'PX',
        this.ttlMs,
        'NX',
      );
      if (lock !== 'OK') continue;
      const users = await this.o.redis.smembers(this.usersKey(instanceId));
      for (const userId of users) {
        await this.o.redis.hdel(this.key(userId), instanceId);
        if (!this.counts.has(userId) && !(await this.liveElsewhere(userId))) this.o.onReaped(userId);
      }
      await this.o.redis.multi().del(this.usersKey(instanceId)).zrem(this.instancesKey(), instanceId).exec();
      this.o.logger.warn(
        { instanceId, users: users.length },
        'reaped a dead instance: its users are offline',
      );
    }
  }

  /** Redis trouble degrades presence to this instance's view; it never fails a connection. */
  private async guard<T>(fn: () => Promise<T>, fallback: T): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      this.o.logger.warn(
        { err: { message: (err as Error).message } },
        'presence: redis unavailable, using local view',
      );
      return fallback;
    }
  }
}
