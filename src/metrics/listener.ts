import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from './registry.js';

export interface MetricsListener {
  port: number;
  close(): Promise<void>;
}

/**
 * `GET /metrics` (Prometheus text format) on its own port, never the public one: the load balancer
 * and nginx only reach PORT, so scrapes come from inside the VPC (or the host's CloudWatch agent).
 * A port already taken is logged and skipped: metrics must never keep the chat server down.
 */
export async function startMetricsListener(
  metrics: Metrics,
  port: number,
  logger: Logger,
): Promise<MetricsListener | undefined> {
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' || (req.url ?? '').split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.registry.metrics().then(
      (body) => res.writeHead(200, { 'content-type': metrics.registry.contentType }).end(body),
      (err: unknown) => {
        logger.error({ err }, 'could not collect metrics');
        res.writeHead(500).end();
      },
    );
  });
  const listening = await new Promise<boolean>((resolve) => {
    server.once('error', (err) => {
      logger.error({ err: { message: err.message }, port }, 'metrics listener could not start');
      resolve(false);
    });
    server.listen(port, () => resolve(true));
  });
  if (!listening) return undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
