import { TokenBucket } from '../lib/rate-limit.js';
import type { ConnectionLimits } from './connection.js';

type Budget = 'send' | 'sync' | 'read' | 'delivered';

/**
 * One connection's frame budgets, each made on first use. The connection drops the whole object
 * once every bucket is full again (`idle`): a full bucket and none behave alike, and most sockets
 * are idle most of the time (four buckets are ~300 bytes).
 */
export class FrameBudgets {
  private readonly buckets: Partial<Record<Budget, TokenBucket>> = {};

  constructor(private readonly limits: ConnectionLimits) {}

  /** A write (`send`, `react`): true when within budget (spends it). */
  maySend(): boolean {
    return this.spend('send', this.limits.sendBurst, this.limits.sendsPerSecond);
  }

  /** A `sync` that is not the next page of a replay. */
  maySync(): boolean {
    return this.spend('sync', this.limits.syncBurst, this.limits.syncsPerSecond);
  }

  mayMarkRead(): boolean {
    return this.spend('read', this.limits.readBurst, this.limits.readsPerSecond);
  }

  mayMarkDelivered(): boolean {
    return this.spend('delivered', this.limits.deliveredBurst, this.limits.deliveredPerSecond);
  }

  /** Every bucket is full again (or was never used). */
  idle(): boolean {
    return Object.values(this.buckets).every((b) => b.idle());
  }

  /** Takes a token from the budget's bucket (made full on first use): true when there was one. */
  private spend(budget: Budget, burst: number, perSecond: number): boolean {
    let bucket = this.buckets[budget];
    if (bucket === undefined) {
      bucket = new TokenBucket(burst, perSecond);
      this.buckets[budget] = bucket;
    }
    return bucket.take() === 0;
  }
}
