import { createHash, randomBytes, randomFillSync } from 'node:crypto';
import { encodeTime } from 'ulid';

/** ULID's alphabet (Crockford's base 32). */
export const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

// Random characters from a pooled buffer of CSPRNG bytes: one call to the OS per 256 ids. The top
// five bits of a byte pick each of the 32 characters equally often.
const pool = Buffer.alloc(4096);
let poolAt = pool.length;
const randomDigit = (): number => {
  if (poolAt >= pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  return (pool[poolAt++] as number) >> 3;
};

const ALPHABET = Buffer.from(CROCKFORD, 'latin1');
/** The last id's 16 random digits (values 0-31), and its characters. */
const digits = new Uint8Array(16);
const chars = Buffer.alloc(26);
let lastTime = -1;

/**
 * The next ULID, monotonic as the spec's monotonic mode (ulid's monotonicFactory): strictly
 * increasing within this process, within one millisecond or when the clock steps back, by adding
 * one to the last id's random part. Built in a byte buffer and read out as one string: ulid's
 * factory concatenates a string per character, ~600 bytes per id, and ids are made per message.
 */
function nextUlid(now: number = Date.now()): string {
  if (now > lastTime) {
    lastTime = now;
    chars.write(encodeTime(now, 10), 0, 'latin1'); // once per millisecond, not per id
    for (let i = 0; i < 16; i++) digits[i] = randomDigit();
  } else if (!increment(digits)) {
    // The random part ran out within one millisecond (never, in practice): move time on.
    return nextUlid(lastTime + 1);
  }
  for (let i = 0; i < 16; i++) chars[10 + i] = ALPHABET[digits[i] as number] as number;
  return chars.toString('latin1', 0, 26);
}

/** Adds one to a base-32 number held as digits, in place; false when it overflows. */
function increment(n: Uint8Array): boolean {
  for (let i = n.length - 1; i >= 0; i--) {
    if ((n[i] as number) < 31) {
      n[i] = (n[i] as number) + 1;
      return true;
    }
    n[i] = 0;
  }
  return false;
}

export const newId = (): string => nextUlid();

/** Message ids: ULIDs, so they sort in chat order and carry their creation time. */
export const newMessageId = (): string => nextUlid();
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
