/** Longest delay a Node timer takes (~24.8 days); a later slot is re-checked when it fires. */
const MAX_DELAY_MS = 2 ** 31 - 1;

/**
 * Deadlines for many items on one timer per second: `onDue(item)` runs once, in the first whole
 * second at or after the item's deadline (access tokens expire on whole seconds, so on time for
 * those). For per-socket expiries: a Node timer per socket costs ~300 bytes (its Timeout, a timer
 * list per distinct delay, the callback's closure), an entry here a few dozen.
 */
export class Deadlines<T> {
  /** Items by the second (epoch seconds, rounded up) their deadline falls in. */
  private readonly slots = new Map<number, Set<T>>();
  /** Each pending item's deadline (ms). */
  private readonly at = new Map<T, number>();
  private readonly timers = new Map<number, NodeJS.Timeout>();

  constructor(private readonly onDue: (item: T) => void) {}

  /** Sets (or moves) the item's deadline. */
  set(item: T, deadlineMs: number): void {
    this.delete(item);
    this.at.set(item, deadlineMs);
    const slot = Math.ceil(deadlineMs / 1000);
    let items = this.slots.get(slot);
    if (!items) {
      items = new Set();
      this.slots.set(slot, items);
      this.arm(slot);
    }
    items.add(item);
  }

  delete(item: T): void {
    const deadline = this.at.get(item);
    if (deadline === undefined) return;
    this.at.delete(item);
    const slot = Math.ceil(deadline / 1000);
    const items = this.slots.get(slot);
    items?.delete(item);
    if (items?.size === 0) {
      this.slots.delete(slot);
      clearTimeout(this.timers.get(slot));
      this.timers.delete(slot);
    }
  }

  get size(): number {
    return this.at.size;
  }

  private arm(slot: number): void {
    const delay = Math.min(Math.max(0, slot * 1000 - Date.now()), MAX_DELAY_MS);
    const timer = setTimeout(() => this.fire(slot), delay);
    timer.unref();
    this.timers.set(slot, timer);
  }

  private fire(slot: number): void {
    this.timers.delete(slot);
    const items = this.slots.get(slot);
    if (!items) return;
    // The wall clock may lag the timer's monotonic one (or the slot was beyond one timer's reach).
    if (Date.now() < slot * 1000) return this.arm(slot);
    this.slots.delete(slot);
    for (const item of items) {
      this.at.delete(item);
      this.onDue(item);
    }
  }
}
