/** Above this many items a SmallSet keeps a Set (lookups by hash instead of a scan). */
const ARRAY_MAX = 8;

/**
 * A set that holds its first few items in an exact-size array: a Set costs ~155 bytes even for
 * one item (its object and hash table), and a socket's set of chats — every connection has one,
 * most with a few chats — is kept per connection. Arrays are replaced, never changed in place, so
 * iterating while adding or deleting is as safe as with a Set.
 */
export class SmallSet<T> implements Iterable<T> {
  private items: readonly T[] | Set<T> = EMPTY as readonly T[];

  get size(): number {
    return Array.isArray(this.items) ? this.items.length : (this.items as Set<T>).size;
  }

  has(item: T): boolean {
    const items = this.items;
    return Array.isArray(items) ? items.includes(item) : (items as Set<T>).has(item);
  }

  add(item: T): this {
    const items = this.items;
    if (!Array.isArray(items)) (items as Set<T>).add(item);
    else if (!items.includes(item))
      this.items = items.length < ARRAY_MAX ? copy(items, () => true, item) : new Set([...items, item]);
    return this;
  }

  delete(item: T): boolean {
    const items = this.items;
    if (!Array.isArray(items)) return (items as Set<T>).delete(item);
    if (!items.includes(item)) return false;
    this.items = copy(items, (i) => i !== item);
    return true;
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }
}

const EMPTY: readonly never[] = Object.freeze([]);

/** The items `keep` keeps, then `extra` if given, in an array of exactly that length (a pushed-to
 * array reserves room for 16 more). */
function copy<T>(items: readonly T[], keep: (item: T) => boolean, extra?: T): T[] {
  const kept = items.reduce((n, i) => n + (keep(i) ? 1 : 0), 0);
  const out = new Array<T>(kept + (extra === undefined ? 0 : 1));
  let n = 0;
  for (const i of items) if (keep(i)) out[n++] = i;
  if (extra !== undefined) out[n] = extra;
  return out;
}
