import { Router } from 'express';

export interface ReadinessCheck {
  name: string;
  /** Resolves when healthy; `degraded` checks report but do not fail readiness. */
  check(): Promise<void>;
  degraded?: boolean;
}

/** /healthz: the process is alive (no I/O). /readyz: its dependencies answer. */
export function healthRoutes(checks: ReadinessCheck[], timeoutMs = 2_000): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const results = await Promise.all(
      checks.map(async (c) => {
        try {
          await withTimeout(c.check(), timeoutMs);
          return { name: c.name, ok: true, degraded: c.degraded ?? false };
        } catch {
          return { name: c.name, ok: false, degraded: c.degraded ?? false };
        }
      }),
    );
    const failed = results.filter((r) => !r.ok && !r.degraded);
    const degraded = results.some((r) => !r.ok && r.degraded);
    const status = failed.length > 0 ? 'unavailable' : degraded ? 'degraded' : 'ok';
    res.status(failed.length > 0 ? 503 : 200).json({
      status,
      checks: Object.fromEntries(results.map((r) => [r.name, r.ok ? 'ok' : 'failing'])),
    });
  });
  return router;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
