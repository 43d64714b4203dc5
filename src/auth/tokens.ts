import jwt from 'jsonwebtoken';
import { AppError } from '../lib/errors.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;
const ISSUER = 'chat-x';
const AUDIENCE = 'chat-x-api';
// Pinned on verify, so a token claiming `none` or an asymmetric algorithm is rejected outright.
const ALGORITHM = 'HS256' as const;

export interface AccessClaims {
  userId: string;
  /** The sign-in (refresh-token family) it was issued under: ending that ends the token. */
  sessionId: string;
  /** Epoch ms. */
  expiresAt: number;
}

export class AccessTokens {
  constructor(
    private readonly secret: string,
    private readonly ttlSeconds = ACCESS_TOKEN_TTL_SECONDS,
  ) {}

  sign(userId: string, sessionId: string): string {
    return jwt.sign({ sid: sessionId }, this.secret, {
      algorithm: ALGORITHM,
      subject: userId,
      issuer: ISSUER,
      audience: AUDIENCE,
      expiresIn: this.ttlSeconds,
    });
  }

  /** Verifies signature, algorithm, issuer, audience and expiry; any failure is one 401. */
  verify(token: string): AccessClaims {
    try {
      const payload = jwt.verify(token, this.secret, {
        algorithms: [ALGORITHM],
        issuer: ISSUER,
        audience: AUDIENCE,
      });
      if (typeof payload === 'string' || typeof payload.sub !== 'string' || payload.sub.length === 0) {
        throw new Error('no subject');
      }
      // jsonwebtoken accepts a token without exp: one that never expires is never ours.
      if (typeof payload.exp !== 'number') throw new Error('no expiry');
      if (typeof payload.sid !== 'string' || payload.sid.length === 0) throw new Error('no session');
      return { userId: payload.sub, sessionId: payload.sid, expiresAt: payload.exp * 1000 };
    } catch (err) {
      throw new AppError('invalid_token', undefined, { cause: err });
    }
  }
}
