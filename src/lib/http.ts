import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import type { z } from 'zod';
import { AppError, toAppError } from './errors.js';

/** Parses a request part with a zod schema; failures become one 400 with the issues as details. */
export function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    throw new AppError('validation_failed', undefined, {
      details: result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })),
    });
  }
  return result.data;
}

export const notFoundHandler: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

// body-parser marks its failures with a `type`; they are the client's fault, never a 500.
function fromBodyParser(err: unknown): AppError | undefined {
  const type = (err as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new AppError('malformed_json');
  if (type === 'entity.too.large') return new AppError('payload_too_large');
  if (typeof type === 'string' && (err as { status?: number }).status === 415) {
    return bodyInvalid('Unsupported content encoding or charset');
  }
  if (typeof type === 'string') return bodyInvalid('The request body could not be read');
  // A corrupt gzip/deflate body fails in zlib (Z_DATA_ERROR, Z_BUF_ERROR, …) without a `type`.
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && code.startsWith('Z_'))
    return bodyInvalid('The request body could not be decompressed');
  return undefined;
}

// Every validation_failed carries details (docs/errors.md); path '' is the body as a whole.
const bodyInvalid = (message: string) =>
  new AppError('validation_failed', message, { details: [{ path: '', message }] });

export const errorHandler: ErrorRequestHandler = (err, req: Request, res, _next) => {
  const appErr = fromBodyParser(err) ?? toAppError(err);
  if (appErr.status >= 500) {
    req.log?.error({ err: appErr.cause ?? err, code: appErr.code }, 'request failed');
  }
  if (appErr.retryAfter !== undefined) res.setHeader('Retry-After', String(appErr.retryAfter));
  if (appErr.status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="chat-x"');
  if (res.headersSent) return;
  res.status(appErr.status).json(appErr.toBody());
};
