import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { decodeTime, encodeTime, monotonicFactory } from 'ulid';

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

/** Milliseconds since the epoch encoded in a ULID, or undefined if it is not one. */
export function ulidTime(id: string): number | undefined {
  try {
    return decodeTime(id);
  } catch {
    return undefined;
  }
}

/** The smallest ULID of a given millisecond: a lower bound for range queries. */
export function ulidFloor(ms: number): string {
  return `${encodeTime(Math.max(0, Math.floor(ms)), 10)}${'0'.repeat(16)}`;
}

/** Opaque random token (e.g. refresh tokens): 256 bits, URL-safe. */
export const randomToken = (): string => randomBytes(32).toString('base64url');

export const sha256 = (value: string): string => createHash('sha256').update(value).digest('base64url');
