import { AuthService } from './auth/service.js';
import { SessionStore } from './auth/store.js';
import { AccessTokens } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { defaultLimits, type Limits } from './lib/limits.js';
import { UserService } from './users/service.js';
import { UserStore } from './users/store.js';

export interface Services {
  tokens: AccessTokens;
  auth: AuthService;
  users: UserService;
  limits: Limits;
  close(): Promise<void>;
}

export interface ServiceDeps {
  config: Config;
  db: Db;
  limits?: Partial<Limits>;
}

/** The domain layer, shared by the HTTP routes and the WebSocket hub. */
export function createServices(deps: ServiceDeps): Services {
  const limits = { ...defaultLimits, ...deps.limits };
  const userStore = new UserStore(deps.db);
  const tokens = new AccessTokens(deps.config.jwtSecret);
  const auth = new AuthService({
    users: userStore,
    sessions: new SessionStore(deps.db),
    tokens,
    bcryptRounds: deps.config.bcryptRounds,
    limits,
  });
  return {
    tokens,
    auth,
    users: new UserService(userStore),
    limits,
    async close() {
      auth.close();
    },
  };
}
