import { decodeTime, ulid } from 'ulid';
import { describe, expect, it } from 'vitest';
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
