import { TokenBucket } from '../lib/rate-limit.js';
import type { ConnectionLimits } from './connection.js';

/**
 * One connection's frame budgets, each made on first use. The connection drops the whole object
 * once every bucket is full again (`idle`): a full bucket and none behave alike, and most sockets
 * are idle most of the time (four buckets are ~300 bytes).
 */
export class FrameBudgets {
  private send: TokenBucket | undefined;
  private sync: TokenBucket | undefined;
  private read: TokenBucket | undefined;
  private delivered: TokenBucket | undefined;

  constructor(private readonly limits: ConnectionLimits) {}

  /** A write (`send`, `react`): true when within budget (spends it). */
  maySend(): boolean {
    this.send ??= new TokenBucket(this.limits.sendBurst, this.limits.sendsPerSecond);
    return this.send.take() === 0;
  }

  /** A `sync` that is not the next page of a replay. */
  maySync(): boolean {
    this.sync ??= new TokenBucket(this.limits.syncBurst, this.limits.syncsPerSecond);
    return this.sync.take() === 0;
  }

  mayMarkRead(): boolean {
    this.read ??= new TokenBucket(this.limits.readBurst, this.limits.readsPerSecond);
    return this.read.take() === 0;
  }

  mayMarkDelivered(): boolean {
    this.delivered ??= new TokenBucket(this.limits.deliveredBurst, this.limits.deliveredPerSecond);
    return this.delivered.take() === 0;
  }

  /** Every bucket is full again (or was never used). */
  idle(): boolean {
    return (
      (this.send?.idle() ?? true) &&
      (this.sync?.idle() ?? true) &&
      (this.read?.idle() ?? true) &&
      (this.delivered?.idle() ?? true)
    );
  }
}
