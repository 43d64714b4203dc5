import { describe, expect, it } from 'vitest';
import { SmallSet } from '../../src/lib/small-set.js';

describe('SmallSet', () => {
  it('behaves as a Set below and above the array limit, in insertion order', () => {
    for (const n of [0, 1, 3, 8, 9, 20]) {
      const small = new SmallSet<string>();
      const real = new Set<string>();
      const ids = Array.from({ length: n }, (_, i) => `c${i}`);
      for (const id of [...ids, ...ids]) {
        small.add(id);
        real.add(id);
      }
      expect([...small]).toEqual([...real]);
      expect(small.size).toBe(real.size);
      for (const id of ids.filter((_, i) => i % 2 === 0)) expect(small.delete(id)).toBe(real.delete(id));
      expect(small.delete('absent')).toBe(false);
      expect([...small]).toEqual([...real]);
      expect(small.size).toBe(real.size);
      for (const id of ids) expect(small.has(id)).toBe(real.has(id));
    }
  });

  it('can be changed while iterated, as a Set can', () => {
    const s = new SmallSet<string>();
    for (const id of ['a', 'b', 'c']) s.add(id);
    const seen: string[] = [];
    for (const id of s) {
      seen.push(id);
      s.delete(id);
    }
    expect(seen).toEqual(['a', 'b', 'c']);
    expect(s.size).toBe(0);
  });
});
