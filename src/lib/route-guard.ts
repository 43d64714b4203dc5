import type { RequestHandler } from 'express';
import { AppError } from './errors.js';

// Answers a request no route can serve before anything else looks at it: an unknown /v1 path is
// 404 with or without a token (authentication must not reveal which paths exist), and a known
// path asked with a method it does not serve is 405 with `Allow`, not a 404.

/** Router#listRoutes of router 2.3 (Express 5): one entry per route or mounted router. */
interface Listed {
  path: string | RegExp;
  methods: string[] | undefined;
  router: Listable | undefined;
}
interface Listable {
  listRoutes?: () => Listed[];
}

interface Known {
  pattern: RegExp;
  methods: Set<string>;
}

/** Every route the router serves, its path as a pattern (mount prefixes included). */
export function knownRoutes(router: Listable, prefix = ''): Known[] {
  if (typeof router.listRoutes !== 'function')
    throw new Error('router.listRoutes is missing (router >= 2.3)');
  return router.listRoutes().flatMap((r): Known[] => {
    if (typeof r.path !== 'string') return [];
    const path = `${prefix}/${r.path}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1');
    if (r.router) return knownRoutes(r.router, path);
    const source = path
      .split(/(:\w+)/)
      .map((part) => (part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return [{ pattern: new RegExp(`^${source}/?$`, 'i'), methods: new Set(r.methods ?? []) }];
  });
}

/** The guard for an app: reads its routes on the first request, when every router is mounted. */
export function routeGuard(scope = '/v1'): RequestHandler {
  const tables = new WeakMap<object, Known[]>();
  return (req, res, next) => {
    let table = tables.get(req.app);
    if (!table) {
      table = knownRoutes(req.app.router as Listable);
      tables.set(req.app, table);
    }
    const matches = table.filter((k) => k.pattern.test(req.path));
    if (matches.length === 0) {
      const scoped = req.path === scope || req.path.startsWith(`${scope}/`);
      return next(scoped ? new AppError('not_found', `No route for ${req.method} ${req.path}`) : undefined);
    }
    const allowed = new Set(matches.flatMap((k) => [...k.methods]));
    // OPTIONS never gets here (CORS answers it); '*' is a route for every method.
    if (allowed.has(req.method) || allowed.has('*')) return next();
    const allow = [...allowed].join(', ');
    res.setHeader('Allow', allow);
    next(new AppError('method_not_allowed', `${req.method} is not allowed on ${req.path}; use ${allow}`));
  };
}
