import { AppError } from './errors.js';

/**
 * Token bucket: `capacity` requests at once, refilled at `perSecond`. In-process by design: each
 * instance limits its own traffic, which bounds abuse without a network hop per request.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token; returns 0 when allowed, else the seconds until one is available. */
  take(): number {
    const wait = this.waitSeconds();
    if (wait === 0) this.tokens -= 1;
    return wait;
  }

  /** Seconds until a token is available (0 = now), without taking it. */
  waitSeconds(): number {
    this.refill();
    return this.tokens >= 1 ? 0 : Math.ceil((1 - this.tokens) / this.perSecond);
  }

  /** True once the bucket is full again: it can be forgotten without changing behaviour. */
  idle(): boolean {
    this.refill();
    return this.tokens >= this.capacity;
  }

  private refill(): void {
    const t = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((t - this.last) / 1000) * this.perSecond);
    this.last = t;
  }
}

export interface RateRule {
  /** Burst size. */
  capacity: number;
  /** Sustained rate: `capacity` tokens come back over `windowSeconds`. */
  windowSeconds: number;
}

/** Many token buckets keyed by e.g. IP or account; full buckets are swept so memory stays bounded. */
export class RateLimiter {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly sweeper: NodeJS.Timeout;

  constructor(
    private readonly rule: RateRule,
    private readonly maxKeys = 100_000,
  ) {
    this.sweeper = setInterval(() => this.sweep(), 60_000);
    this.sweeper.unref();
  }

  /** Takes one of the key's tokens; returns 0 when allowed, else the seconds until one is available. */
  take(key: string): number {
    return this.bucket(key).take();
  }

  /** Throws 429 with Retry-After once the key is over its rule. */
  consume(key: string, message = 'Too many requests, slow down'): void {
    const wait = this.take(key);
    if (wait > 0) throw new AppError('rate_limited', message, { retryAfter: wait });
  }

  /** Only checks, spending nothing: for limits that count failures (consume on each failure). */
  check(key: string, message = 'Too many attempts, try again later'): void {
    const wait = this.buckets.get(key)?.waitSeconds() ?? 0;
    if (wait > 0) throw new AppError('rate_limited', message, { retryAfter: wait });
  }

  /** True while the key is out of tokens (spends nothing). */
  isLimited(key: string): boolean {
    return (this.buckets.get(key)?.waitSeconds() ?? 0) > 0;
  }

  /** Spends a token without throwing (e.g. record a failed login). */
  record(key: string): void {
    this.bucket(key).take();
  }

  private bucket(key: string): TokenBucket {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= this.maxKeys) this.sweep();
      b = new TokenBucket(this.rule.capacity, this.rule.capacity / this.rule.windowSeconds);
      this.buckets.set(key, b);
    }
    return b;
  }

  private sweep(): void {
    for (const [k, b] of this.buckets) if (b.idle()) this.buckets.delete(k);
  }

  close(): void {
    clearInterval(this.sweeper);
  }
}
