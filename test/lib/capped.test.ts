import { describe, expect, it } from 'vitest';
import { CappedMap, CappedSet } from '../../src/lib/capped.js';

/** A seeded generator, so a failure replays. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

describe('CappedMap and CappedSet', () => {
  it('keep the newest `max` entries in insertion order, as the naive eviction does', () => {
    for (const seed of [1, 2, 3]) {
      const random = rng(seed);
      const max = 40;
      const map = new CappedMap<string, number>(max);
      const set = new CappedSet<string>(max);
      const naive = new Map<string, number>();
      for (let i = 0; i < 20_000; i++) {
        const k = `k${Math.floor(random() * 100)}`;
        const op = random();
        if (op < 0.15) {
          expect(map.delete(k)).toBe(naive.delete(k));
          set.delete(k);
        } else if (op < 0.16) {
          map.clear();
          set.clear();
          naive.clear();
        } else if (op < 0.4) {
          // Kept by recency: deleted and set again.
          map.delete(k);
          set.delete(k);
          naive.delete(k);
          map.set(k, i);
          set.add(k);
          naive.set(k, i);
        } else {
          map.set(k, i);
          set.add(k);
          naive.set(k, i);
        }
        if (naive.size > max) naive.delete(naive.keys().next().value as string);
        expect(map.size).toBeLessThanOrEqual(max);
        expect([...map]).toEqual([...naive]);
        expect([...set]).toEqual([...naive.keys()]);
      }
    }
  });

  it('evict one entry per insert past the cap, the oldest', () => {
    const m = new CappedMap<number, string>(3);
    for (let i = 0; i < 10; i++) m.set(i, `v${i}`);
    expect([...m.keys()]).toEqual([7, 8, 9]);
    m.set(8, 'again'); // an update keeps its place
    m.set(10, 'v10');
    expect([...m]).toEqual([
      [8, 'again'],
      [9, 'v9'],
      [10, 'v10'],
    ]);
    const s = new CappedSet<number>(2);
    for (const i of [1, 2, 1, 3]) s.add(i);
    expect([...s]).toEqual([2, 3]);
  });
});
