import { decodeTime, ulid } from 'ulid';
import { describe, expect, it, vi } from 'vitest';
import { fingerprint } from '../../src/feed/token.js';
import { newMessageId, ulidTime } from '../../src/lib/ids.js';

/** ulid's own decoder, as ulidTime answered before: undefined where it throws. */
const reference = (id: string) => {
  try {
    return decodeTime(id);
  } catch {
    return undefined;
  }
};

/** The BigInt fingerprint the sync tokens were made with (it must not change: tokens are stored on devices). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
function bigIntFingerprint(pos: string): string {
  let n = 0n;
  for (const ch of pos.slice(-8)) n = n * 32n + BigInt(Math.max(0, CROCKFORD.indexOf(ch)));
  return n.toString(16).padStart(10, '0');
}

describe('ULID helpers', () => {
  const ids = [
    ...Array.from({ length: 200 }, () => newMessageId()),
    ...Array.from({ length: 50 }, (_, i) => ulid(i * 1_234_567_891)),
    '00000000000000000000000000',
    '7ZZZZZZZZZZZZZZZZZZZZZZZZZ', // the largest time
    '80000000000000000000000000', // one past it
    '01jdirect0000000000000000a', // lower case
    '01JDIRECT0000000000000000', // 25 characters
    '01JDIRECT00000000000000000U', // 27
    '01JDIRECTU0000000000000000', // U is not Crockford
    '01JDIRECTé0000000000000000',
    '',
    'short',
  ];

  it.each(ids)('reads the time of %s as ulid does', (id) => {
    expect(ulidTime(id)).toBe(reference(id));
  });

  it.each(ids)('fingerprints %s as before', (id) => {
    expect(fingerprint(id)).toBe(bigIntFingerprint(id));
  });
});

describe('new ids', () => {
  const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/;

  it('are ULIDs of the current time, strictly increasing within a millisecond', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5_000 }, () => newMessageId());
    const after = Date.now();
    for (const id of ids) {
      expect(id).toMatch(ULID);
      const t = decodeTime(id);
      expect(t).toBeGreaterThanOrEqual(before);
      expect(t).toBeLessThanOrEqual(after);
    }
    expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as string))).toBe(true);
  });

  it('draw a new random part in each millisecond, not count up from one seed', async () => {
    const a = newMessageId();
    await new Promise((r) => setTimeout(r, 2));
    const b = newMessageId();
    expect(decodeTime(b)).toBeGreaterThan(decodeTime(a));
    expect(b.slice(10, 20)).not.toBe(a.slice(10, 20));
  });

  it('keep increasing when the clock steps back', () => {
    const first = newMessageId();
    const now = vi.spyOn(Date, 'now').mockReturnValue(decodeTime(first) - 60_000);
    try {
      const later = [newMessageId(), newMessageId()];
      expect((later[0] as string) > first).toBe(true);
      expect((later[1] as string) > (later[0] as string)).toBe(true);
      expect(decodeTime(later[0] as string)).toBe(decodeTime(first));
    } finally {
      now.mockRestore();
    }
  });

  it('carry into the next character when a random digit is the last one', () => {
    // Enough ids in one (stubbed) millisecond that the last random digit wraps many times.
    const t = Date.now() + 1_000;
    const now = vi.spyOn(Date, 'now').mockReturnValue(t);
    try {
      const ids = Array.from({ length: 100 }, () => newMessageId());
      expect(ids.every((id, i) => i === 0 || id > (ids[i - 1] as string))).toBe(true);
      expect(ids.every((id) => decodeTime(id) === t)).toBe(true);
      expect(new Set(ids.map((id) => id.at(-1))).size).toBe(32);
    } finally {
      now.mockRestore();
    }
  });
});
