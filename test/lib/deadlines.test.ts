import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../src/lib/deadlines.js';

describe('Deadlines (many deadlines, one timer per second)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each item once, in the first whole second at or after its deadline, never before', () => {
    vi.useFakeTimers({ now: 1_000_000_200 }); // 200 ms into a second
    const due: [string, number][] = [];
    const d = new Deadlines<string>((item) => due.push([item, Date.now()]));
    d.set('a', 1_000_001_000); // on a whole second, as access tokens are
    d.set('b', 1_000_001_300);
    d.set('c', 1_000_001_900);
    vi.advanceTimersByTime(799);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual([['a', 1_000_001_000]]);
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual([
      ['a', 1_000_001_000],
      ['b', 1_000_002_000],
      ['c', 1_000_002_000],
    ]);
    vi.advanceTimersByTime(10_000);
    expect(due).toHaveLength(3);
    expect(d.size).toBe(0);
  });

  it('forgets a deleted item and moves a re-set one, and leaves no timer behind', () => {
    vi.useFakeTimers({ now: 2_000_000_000 });
    const due: string[] = [];
    const d = new Deadlines<string>((item) => due.push(item));
    d.set('gone', 2_000_001_000);
    d.set('moved', 2_000_001_000);
    d.delete('gone');
    d.set('moved', 2_000_005_000);
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(4_999);
    expect(due).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(due).toEqual(['moved']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('takes deadlines beyond one Node timer (~24.8 days) and past ones', () => {
    vi.useFakeTimers({ now: 3_000_000_000 });
    const due: string[] = [];
    const d = new Deadlines<string>((item) => due.push(item));
    const farMs = 40 * 24 * 3_600_000;
    d.set('far', 3_000_000_000 + farMs);
    d.set('past', 2_999_000_000);
    vi.advanceTimersByTime(0);
    expect(due).toEqual(['past']);
    vi.advanceTimersByTime(farMs - 1);
    expect(due).toEqual(['past']);
    vi.advanceTimersByTime(1);
    expect(due).toEqual(['past', 'far']);
  });
});
