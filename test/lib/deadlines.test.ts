import { afterEach, describe, expect, it, vi } from 'vitest';
import { Deadlines } from '../../src/lib/deadlines.js';

describe('Deadlines (many deadlines, one timer)', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('runs each item once, at most a second after its deadline and never before', () => {
    vi.useFakeTimers({ now: 1_000_000_200 });
    const due = new Map<string, number>();
    const d = new Deadlines<string>((item) => {
      expect(due.has(item)).toBe(false);
      due.set(item, Date.now());
    });
    const deadlines = { a: 1_000_001_000, b: 1_000_001_300, c: 1_000_002_900, d: 1_000_000_200 };
    for (const [item, at] of Object.entries(deadlines)) d.set(item, at);
    for (let t = 0; t < 5_000; t += 50) {
      vi.advanceTimersByTime(50);
      for (const [item, at] of Object.entries(deadlines)) {
        if (Date.now() < at) expect(due.has(item)).toBe(false);
        if (Date.now() >= at + 1_000) expect(due.has(item)).toBe(true);
      }
    }
    expect([...due.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(d.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('forgets a deleted item, moves a re-set one, and keeps no timer once empty', () => {
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
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual(['moved']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('is not early when the wall clock goes back, nor stuck when it jumps ahead', () => {
    vi.useFakeTimers({ now: 3_000_000_000 });
    const due: string[] = [];
    const d = new Deadlines<string>((item) => due.push(item));
    d.set('x', 3_000_010_000);
    vi.setSystemTime(2_999_000_000); // back a quarter of an hour: the deadline is further away
    vi.advanceTimersByTime(20_000);
    expect(due).toEqual([]);
    vi.setSystemTime(3_000_020_000); // ahead, past it: the next tick closes it
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual(['x']);
  });

  it('goes on with the other items when one throws', () => {
    vi.useFakeTimers({ now: 4_000_000_000 });
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => {});
    const due: string[] = [];
    const d = new Deadlines<string>((item) => {
      if (item === 'bad') throw new Error('boom');
      due.push(item);
    });
    d.set('bad', 4_000_000_500);
    d.set('good', 4_000_000_500);
    vi.advanceTimersByTime(1_000);
    expect(due).toEqual(['good']);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
