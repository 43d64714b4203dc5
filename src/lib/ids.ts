import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { encodeTime, monotonicFactory } from 'ulid';

// ULIDs sort by creation time; the monotonic factory keeps ids from one process strictly
// increasing even within one millisecond or when the clock steps back. Its default source asks
// the OS for one byte per character (16 calls per id); a pooled buffer of the same CSPRNG bytes
// costs one call per 256 ids. A byte / 256 picks each of the 32 characters equally often.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const pooledRandom = (): number => {
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return (pool[poolAt++] as number) / 256;
};
const nextUlid = monotonicFactory(pooledRandom);

export const newId = (): string => nextUlid();

/** Message ids: ULIDs, so they sort in chat order and carry their creation time. */
export const newMessageId = (): string => nextUlid();

/** ULID's alphabet (Crockford's base 32). */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Each character code's value in Crockford's base 32 (either case, as ulid's decodeTime), or -1. */
const BASE32 = new Int8Array(128).fill(-1);
for (let i = 0; i < CROCKFORD.length; i++) {
  BASE32[CROCKFORD.charCodeAt(i)] = i;
  BASE32[CROCKFORD.toLowerCase().charCodeAt(i)] = i;
}
const TIME_MAX = 2 ** 48 - 1;

/**
 * Milliseconds since the epoch encoded in a ULID, or undefined if it is not one: what ulid's
 * decodeTime answers, without the arrays and closures it builds per call (fan-out checkpoints
 * and bucket lookups read thousands of these a second).
 */
export function ulidTime(id: string): number | undefined {
  if (id.length !== 26) return undefined;
  let t = 0;
  for (let i = 0; i < 10; i++) {
    const c = id.charCodeAt(i);
    const v = c < 128 ? (BASE32[c] as number) : -1;
    if (v < 0) return undefined;
    t = t * 32 + v;
  }
  return t > TIME_MAX ? undefined : t;
}

/** The smallest ULID of a given millisecond: a lower bound for range queries. */
export function ulidFloor(ms: number): string {
  return `${encodeTime(Math.max(0, Math.floor(ms)), 10)}${'0'.repeat(16)}`;
}

/** Opaque random token (e.g. refresh tokens): 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');
