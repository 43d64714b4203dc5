import type { Db } from '../db/client.js';
import type { Limits } from '../lib/limits.js';
import type { Logger } from '../lib/logger.js';
import type { Mailer } from '../mail/mailer.js';
import { UserStore } from '../users/store.js';
import { AccountService } from './account-service.js';
import type { SessionsEnded } from './events.js';
import { LoginThrottle } from './login-throttle.js';
import { Passwords } from './passwords.js';
import { ResetStore } from './reset-store.js';
import { AuthService } from './service.js';
import { SessionStore } from './store.js';
import type { AccessTokens } from './tokens.js';

export interface AuthDeps {
  db: Db;
  tokens: AccessTokens;
  bcryptRounds: number;
  limits: Limits;
  mailer: Mailer;
  appUrl: string;
  onSessionsEnded?: (e: SessionsEnded) => void;
  logger?: Logger;
  now?: () => number;
  /** Shared with the SessionGuard, when the caller has one. */
  sessions?: SessionStore;
}

/** The auth feature's services over one set of stores and one sign-in throttle. */
export function createAuth(deps: AuthDeps) {
  const users = new UserStore(deps.db);
  const sessions = deps.sessions ?? new SessionStore(deps.db);
  const passwords = new Passwords(deps.bcryptRounds);
  const throttle = new LoginThrottle(deps.limits);
  const common = { users, sessions, passwords, throttle, limits: deps.limits };
  const time = deps.now ? { now: deps.now } : {};
  const auth = new AuthService({
    ...common,
    ...time,
    tokens: deps.tokens,
    ...(deps.onSessionsEnded ? { onSessionsEnded: deps.onSessionsEnded } : {}),
  });
  const account = new AccountService({
    ...common,
    ...time,
    resets: new ResetStore(deps.db),
    mailer: deps.mailer,
    appUrl: deps.appUrl,
    endSessions: (userId, ids) => auth.endSessions(userId, ids),
    ...(deps.logger ? { logger: deps.logger } : {}),
  });
  return {
    auth,
    account,
    /** The one password check (same work for every outcome), for other features that need one. */
    verifyPassword: (password: string, hash: string) => passwords.verify(password, hash),
    close() {
      auth.close();
      account.close();
      throttle.close();
    },
  };
}
