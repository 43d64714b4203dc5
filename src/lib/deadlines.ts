/**
 * Deadlines for many items on one timer: `onDue(item)` runs once, on the first tick (every second,
 * while any item is pending) at or after the item's deadline, so at most a second late and never
 * early, whichever way the wall clock moves meanwhile. For per-socket expiries: a Node timer per
 * socket costs ~300 bytes (its Timeout, a timer list per distinct delay, the callback's closure),
 * an entry here a few dozen.
 */
export class Deadlines<T> {
  /** Items by the second (epoch seconds, rounded down) their deadline falls in. */
  private readonly slots = new Map<number, Set<T>>();
  /** Each pending item's deadline (ms). */
  private readonly at = new Map<T, number>();
  private ticker: NodeJS.Timeout | undefined;

  constructor(private readonly onDue: (item: T) => void) {}

  /** Sets (or moves) the item's deadline. */
  set(item: T, deadlineMs: number): void {
    this.delete(item);
    this.at.set(item, deadlineMs);
    const slot = Math.floor(deadlineMs / 1000);
    let items = this.slots.get(slot);
    if (!items) {
      items = new Set();
      this.slots.set(slot, items);
    }
    items.add(item);
    if (!this.ticker) {
      this.ticker = setInterval(() => this.tick(), 1000);
      this.ticker.unref();
    }
  }

  delete(item: T): void {
    const deadline = this.at.get(item);
    if (deadline === undefined) return;
    this.at.delete(item);
    const slot = Math.floor(deadline / 1000);
    const items = this.slots.get(slot);
    items?.delete(item);
    if (items?.size === 0) this.slots.delete(slot);
    if (this.at.size === 0) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  get size(): number {
    return this.at.size;
  }

  private tick(): void {
    const now = Date.now();
    // Slots are few (one per second of the deadlines ahead: an access token's lifetime at most).
    for (const [slot, items] of this.slots) {
      if (slot * 1000 > now) continue;
      for (const item of items) {
        if ((this.at.get(item) ?? Number.POSITIVE_INFINITY) > now) continue;
        this.delete(item);
        try {
          this.onDue(item);
        } catch (err) {
          // One item's failure must not keep the others past their deadlines.
          process.emitWarning(err instanceof Error ? err : String(err));
        }
      }
    }
  }
}
