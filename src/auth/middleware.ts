import type { RequestHandler } from 'express';
import { AppError } from '../lib/errors.js';
import type { SessionGuard } from './session-guard.js';
import type { AccessTokens } from './tokens.js';

declare global {
  namespace Express {
    interface Request {
      /** Set by requireAuth: the signed-in user's id. */
      userId?: string;
      /** Set by requireAuth: the session (refresh-token family) the access token belongs to. */
      sessionId?: string;
    }
  }
}

/** Extracts "Bearer <token>" from an Authorization header value. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9._~+/=-]+)$/.exec(header ?? '');
  return match?.[1];
}

/** A valid token of a live session (logged-out sessions' tokens stop working at once). */
export function requireAuth(tokens: AccessTokens, guard: SessionGuard): RequestHandler {
  return async (req, _res, next) => {
    const token = bearerToken(req.headers.authorization);
    if (!token) return next(new AppError('unauthorized'));
    const claims = tokens.verify(token);
    if (!(await guard.isActive(claims.sessionId)))
      return next(new AppError('invalid_token', 'The session has ended; sign in again'));
    req.userId = claims.userId;
    req.sessionId = claims.sessionId;
    req.log = req.log.child({ userId: req.userId });
    next();
  };
}

/** The authenticated user's id; only call behind requireAuth. */
export function currentUser(req: { userId?: string }): string {
  if (!req.userId) throw new AppError('unauthorized');
  return req.userId;
}

/** The authenticated user and the session their token belongs to; only call behind requireAuth. */
export function currentSession(req: { userId?: string; sessionId?: string }): {
  userId: string;
  sessionId: string;
} {
  if (!req.userId || !req.sessionId) throw new AppError('unauthorized');
  return { userId: req.userId, sessionId: req.sessionId };
}
