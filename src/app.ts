import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cors from 'cors';
import express, { type Express } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { requireAuth } from './auth/middleware.js';
import { authRoutes } from './auth/routes.js';
import { chatRoutes } from './chats/routes.js';
import type { Config } from './config.js';
import { deviceRoutes, vapidKeyRoutes } from './devices/routes.js';
import { feedRoutes } from './feed/routes.js';
import { invitationRoutes } from './invitations/routes.js';
import { chatInviteRoutes, inviteRoutes } from './invites/routes.js';
import { healthRoutes, type ReadinessCheck } from './lib/health.js';
import { errorHandler, notFoundHandler } from './lib/http.js';
import type { Logger } from './lib/logger.js';
import { routeGuard } from './lib/route-guard.js';
import { messageRoutes } from './messages/routes.js';
import { docsRoutes } from './openapi/routes.js';
import { blockRoutes } from './privacy/routes.js';
import { reportRoutes } from './reports/routes.js';
import type { Services } from './services.js';
import { userRoutes } from './users/routes.js';

export interface AppDeps {
  config: Config;
  logger: Logger;
  readiness: ReadinessCheck[];
  /** Mounted under /v1 when given; tests of infrastructure alone build without them. */
  services?: Services;
  /** The built web client (dist/web); served at / when it exists. */
  webDir?: string;
}

/** dist/web beside the compiled app, or (running from src with tsx) the last build's. */
export function defaultWebDir(): string | undefined {
  for (const rel of ['./web/', '../dist/web/']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(join(dir, 'index.html'))) return dir;
  }
  return undefined;
}

/** JSON bodies above this are refused with 413; nginx's client_max_body_size matches it. */
export const JSON_BODY_LIMIT = '64kb';

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** An HTTP(S) origin and its WebSocket twin (http → ws, https → wss). */
function withSocketOrigin(origin: string): string[] {
  const socket = origin.replace(/^http(s?):/, 'ws$1:');
  return socket === origin ? [origin] : [origin, socket];
}

/** Builds the Express app without listening (server.ts listens; tests inject with supertest). */
export function buildApp(deps: AppDeps): Express {
  const { config, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  // Behind ALB + nginx the client address is the Nth entry from the right of X-Forwarded-For.
  app.set('trust proxy', config.trustProxyHops);

  app.use(
    pinoHttp({
      logger,
      genReqId: (req, res) => {
        const given = req.headers['x-request-id'];
        const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      serializers: {
        req: (req: { id: unknown; method: string; url: string }) => ({
          id: req.id,
          method: req.method,
          url: req.url,
        }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use(
    helmet({
      // The web client loads nothing from anywhere but this origin (its socket included, which
      // 'self' covers in CSP3 browsers); pages may reach only CORS_ORIGINS besides, never any ws: host.
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          styleSrc: ["'self'"],
          imgSrc: ["'self'", 'data:'],
          connectSrc: ["'self'", ...config.corsOrigins.flatMap(withSocketOrigin)],
          frameAncestors: ["'none'"],
          baseUri: ["'none'"],
          formAction: ["'self'"],
        },
      },
    }),
  );
  app.use(
    cors({
      origin: (origin, cb) => cb(null, origin === undefined || config.corsOrigins.includes(origin)),
      maxAge: 600,
    }),
  );
  app.use(express.json({ limit: JSON_BODY_LIMIT }));
  // Unknown /v1 paths (404) and wrong methods (405 + Allow) are answered before authentication.
  app.use(routeGuard());

  app.use(healthRoutes(deps.readiness));
  app.use(docsRoutes());
  const webDir = deps.webDir ?? defaultWebDir();
  if (webDir) {
    app.use(express.static(webDir, { index: 'index.html', maxAge: '1h' }));
    // Password-reset e-mails link to /reset?token=…: a page of the web client, like / (no API route).
    app.use('/reset', (req, res, next) =>
      req.method === 'GET' && req.path === '/' ? res.sendFile(join(webDir, 'index.html')) : next(),
    );
  }
  if (deps.services) app.use('/v1', v1Routes(deps.services));

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

function v1Routes(services: Services) {
  const v1 = express.Router();
  const authenticated = requireAuth(services.tokens, services.sessions);
  v1.use('/auth', authRoutes(services.auth, services.account, authenticated));
  // Public: a key every browser may know (applicationServerKey).
  v1.use('/push', vapidKeyRoutes(services.vapidPublicKey));
  v1.use(authenticated);
  v1.use('/users/me/blocks', blockRoutes(services.privacy));
  v1.use('/users/me/invitations', invitationRoutes(services.invitations, services.chats));
  v1.use('/users', userRoutes(services.users, services.dataExport));
  v1.use('/chats/:chatId/messages', messageRoutes(services.messages, services.sends));
  v1.use('/chats/:chatId', chatInviteRoutes(services.invites));
  v1.use('/chats', chatRoutes(services.chats, services.chatSettings));
  v1.use('/invites', inviteRoutes(services.invites, services.chats));
  v1.use('/reports', reportRoutes(services.reports));
  v1.use('/sync', feedRoutes(services.feed, services.syncs));
  v1.use('/devices', deviceRoutes(services.devices));
  return v1;
}
