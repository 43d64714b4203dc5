import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../lib/errors.js';
import { CROCKFORD, ulidTime } from '../lib/ids.js';

/**
 * A sync token: "every change before `from` (ms) was delivered, and so were these later ones".
 * Positions are ULIDs minted by many writers, so a change can become readable a little after a
 * later-numbered one; the token therefore stays `window` behind the newest change and lists
 * what it already delivered inside that window (as 40-bit fingerprints) so it is not sent twice.
 *
 * Layout (base64url): version(1) from(6) count(2) count × [fingerprint(5) offsetMs(4)] mac(12).
 * The MAC binds the token to its user: a token of one user is refused for another.
 */
export interface SyncPoint {
  from: number;
  /** Positions at or after `from` already delivered. */
  seen: Map<string, number>;
}

const VERSION = 1;
const MAC_BYTES = 12;
const ENTRY = 9;
/** More delivered positions inside the window than this are forgotten (sent again, never lost). */
export const MAX_SEEN = 128;

export class SyncTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('chat-x sync token v1').digest();
  }

  encode(userId: string, point: SyncPoint): string {
    const entries = [...point.seen].filter(([, t]) => t >= point.from).slice(-MAX_SEEN);
    const body = Buffer.alloc(9 + entries.length * ENTRY);
    body.writeUInt8(VERSION, 0);
    body.writeUIntBE(point.from, 1, 6);
    body.writeUInt16BE(entries.length, 7);
    entries.forEach(([fp, t], i) => {
      Buffer.from(fp, 'hex').copy(body, 9 + i * ENTRY);
      body.writeUInt32BE(Math.min(0xffffffff, t - point.from), 9 + i * ENTRY + 5);
    });
    return Buffer.concat([body, this.mac(userId, body)]).toString('base64url');
  }

  /** Throws sync_token_invalid for anything this server did not issue to this user. */
  decode(userId: string, token: string): SyncPoint {
    const raw = Buffer.from(token, 'base64url');
    const invalid = () => new AppError('sync_token_invalid', 'The sync token is not valid; sync without one');
    if (raw.length < 9 + MAC_BYTES) throw invalid();
    const body = raw.subarray(0, raw.length - MAC_BYTES);
    if (!timingSafeEqual(raw.subarray(raw.length - MAC_BYTES), this.mac(userId, body))) throw invalid();
    const count = body.readUInt16BE(7);
    if (body.readUInt8(0) !== VERSION || body.length !== 9 + count * ENTRY) throw invalid();
    const from = body.readUIntBE(1, 6);
    const seen = new Map<string, number>();
    for (let i = 0; i < count; i++) {
      const at = 9 + i * ENTRY;
      seen.set(body.subarray(at, at + 5).toString('hex'), from + body.readUInt32BE(at + 5));
    }
    return { from, seen };
  }

  private mac(userId: string, body: Buffer): Buffer {
    return createHmac('sha256', this.key).update(userId).update(body).digest().subarray(0, MAC_BYTES);
  }
}

/** 40 bits of a position's randomness, as hex: enough to tell apart changes of one window. */
export function fingerprint(pos: string): string {
  // 8 characters of 5 bits: 40 bits, exact in a double (no BigInt needed).
  let n = 0;
  for (let i = Math.max(0, pos.length - 8); i < pos.length; i++)
    n = n * 32 + Math.max(0, CROCKFORD.indexOf(pos[i] as string));
  return n.toString(16).padStart(10, '0');
}

export const posTime = (pos: string): number => ulidTime(pos) ?? 0;
