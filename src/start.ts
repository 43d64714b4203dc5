import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildApp } from './app.js';
import type { Config } from './config.js';
import { createDb, type Db } from './db/client.js';
import { newId } from './lib/ids.js';
import type { Logger } from './lib/logger.js';
import { instrumentDynamo } from './metrics/dynamodb.js';
import { EmfReporter } from './metrics/emf.js';
import { type MetricsListener, startMetricsListener } from './metrics/listener.js';
import { createMetrics, type Metrics } from './metrics/registry.js';
import { Hub, type HubOptions } from './realtime/hub.js';
import { LocalPresence, type PresenceStore, RedisPresence } from './realtime/presence.js';
import { RedisBus } from './realtime/redis-bus.js';
import { createServices, type ServiceDeps, type Services } from './services.js';

export interface RunningServer {
  server: Server;
  hub: Hub;
  db: Db;
  metrics: Metrics;
  /** The separate GET /metrics listener, unless METRICS_PORT=0 (or its port was taken). */
  metricsListener: MetricsListener | undefined;
  /** The domain layer (tests await its push queue). */
  services: Services;
  port: number;
  url: string;
  /** Stops accepting, lets in-flight requests finish (up to graceMs), then releases everything. */
  close(graceMs?: number): Promise<void>;
}

// The ALB's idle timeout is 60 s and nginx's keepalive 65 s: the app must outlast both, or the
// ALB sees its target close a kept-alive connection first and answers 502.
export const KEEP_ALIVE_TIMEOUT_MS = 75_000;

export interface StartOptions {
  hub?: Partial<HubOptions>;
  limits?: ServiceDeps['limits'];
  /** Feed tuning (tests shorten the stamp buckets). */
  inbox?: ServiceDeps['inbox'];
  /** Push queue tuning (tests shorten the retry backoff). */
  push?: ServiceDeps['push'];
}

/** Wires config → db → services → app + ws hub on one http.Server and listens. */
export async function start(config: Config, logger: Logger, opts: StartOptions = {}): Promise<RunningServer> {
  const db = createDb({
    region: config.awsRegion,
    endpoint: config.dynamodbEndpoint,
    tablePrefix: config.tablePrefix,
  });
  const metrics = createMetrics();
  instrumentDynamo(db, metrics);
  const instanceId = newId();
  const redisBus = config.redisUrl
    ? new RedisBus({
        url: config.redisUrl,
        namespace: `chatx:${config.tablePrefix}`,
        instanceId,
        logger,
        metrics,
      })
    : undefined;
  // Before the services: push asks it who is offline; the hub keeps it current.
  const presence: PresenceStore = redisBus
    ? new RedisPresence({
        redis: redisBus.redis,
        namespace: `chatx:${config.tablePrefix}`,
        instanceId,
        logger,
        onReaped: (userId) => {
          hub
            .announceOffline(userId)
            .catch((err: unknown) => logger.warn({ err }, 'could not announce offline'));
        },
      })
    : new LocalPresence();
  const services = createServices({
    config,
    db,
    logger,
    metrics,
    ...(redisBus ? { bus: redisBus } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.inbox ? { inbox: opts.inbox } : {}),
    presence,
    ...(opts.push ? { push: opts.push } : {}),
  });
  const app = buildApp({
    config,
    logger,
    services,
    readiness: [
      { name: 'dynamodb', check: () => db.ping() },
      // Without Redis this instance still serves its own users: degraded, not down.
      ...(redisBus ? [{ name: 'redis', check: () => redisBus.ping(), degraded: true }] : []),
    ],
  });
  // Slowloris: a request's headers must arrive within 20 s and all of it (64 KB at most) within 30 s,
  // checked every 5 s. Since Node 18 these clocks run only while a request is being received, not
  // while a kept-alive connection idles, so they need not outlast the keep-alive timeout.
  const server = createServer({ connectionsCheckingInterval: 5_000 }, app);
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  const hub: Hub = new Hub({
    services,
    logger,
    corsOrigins: config.corsOrigins,
    trustProxyHops: config.trustProxyHops,
    presence,
    options: { maxConnectionsPerIp: config.maxConnectionsPerIp, ...opts.hub },
    metrics,
  });
  hub.attach(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const metricsListener =
    config.metricsPort > 0 ? await startMetricsListener(metrics, config.metricsPort, logger) : undefined;
  const emf = config.metricsEmfUrl
    ? new EmfReporter(metrics, {
        endpoint: new URL(config.metricsEmfUrl),
        stage: config.stage,
        intervalMs: 60_000,
        logger,
      })
    : undefined;
  logger.info({ port, stage: config.stage, instanceId, redis: Boolean(redisBus) }, 'chat-x listening');

  let closing: Promise<void> | undefined;
  const close = (graceMs = 8_000) => {
    closing ??= (async () => {
      // Stop accepting, then drain sockets (spread out) while in-flight HTTP requests finish.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      await hub.close();
      server.closeIdleConnections();
      const timer = setTimeout(() => server.closeAllConnections(), graceMs);
      await closed;
      clearTimeout(timer);
      await services.close();
      emf?.close();
      await metricsListener?.close();
      db.destroy();
    })();
    return closing;
  };
  return {
    server,
    hub,
    db,
    services,
    metrics,
    metricsListener,
    port,
    url: `http://127.0.0.1:${port}`,
    close,
  };
}
