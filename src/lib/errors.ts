// One error catalogue for HTTP and WebSocket: a stable code, its HTTP status, and whether
// a client may retry the same request later. docs/errors.md mirrors this table.

export const errorCatalogue = {
  validation_failed: { status: 400, retryable: false, message: 'The request is invalid' },
  malformed_json: { status: 400, retryable: false, message: 'The request body is not valid JSON' },
  unauthorized: { status: 401, retryable: false, message: 'Authentication is required' },
  invalid_credentials: { status: 401, retryable: false, message: 'Email or password is incorrect' },
  invalid_token: { status: 401, retryable: false, message: 'The token is invalid or expired' },
  forbidden: { status: 403, retryable: false, message: 'You are not allowed to do this' },
  not_found: { status: 404, retryable: false, message: 'Not found' },
  conflict: { status: 409, retryable: false, message: 'The request conflicts with the current state' },
  reset_token_invalid: {
    status: 400,
    retryable: false,
    message: 'The reset link is invalid, expired or already used; request a new one',
  },
  sync_token_invalid: { status: 400, retryable: false, message: 'The sync token is not valid' },
  sync_expired: { status: 410, retryable: false, message: 'The sync token has expired; reload' },
  payload_too_large: { status: 413, retryable: false, message: 'The request body is too large' },
  unprocessable: { status: 422, retryable: false, message: 'The request cannot be applied' },
  rate_limited: { status: 429, retryable: true, message: 'Too many requests' },
  internal: { status: 500, retryable: true, message: 'Internal server error' },
  unavailable: { status: 503, retryable: true, message: 'The service is temporarily unavailable' },
  edit_window_expired: {
    status: 409,
    retryable: false,
    message: 'The message is too old to edit',
  },
  delete_window_expired: {
    status: 409,
    retryable: false,
    message: 'The message is too old to delete for everyone',
  },
  method_not_allowed: { status: 405, retryable: false, message: 'The path does not serve this method' },
  blocked: {
    status: 403,
    retryable: false,
    message: 'This person does not accept messages or adds from you',
  },
} as const;

export type ErrorCode = keyof typeof errorCatalogue;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown };
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly status: number;
  readonly retryable: boolean;
  readonly details: unknown;
  /** Seconds, for 429/503 responses (Retry-After). */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message?: string,
    opts: { details?: unknown; retryAfter?: number; cause?: unknown } = {},
  ) {
    const entry = errorCatalogue[code];
    super(message ?? entry.message, { cause: opts.cause });
    this.code = code;
    this.status = entry.status;
    this.retryable = entry.retryable;
    this.details = opts.details;
    this.retryAfter = opts.retryAfter;
  }

  toBody(): ErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}

export const notFound = (what = 'Not found') => new AppError('not_found', what);
export const forbidden = (why?: string) => new AppError('forbidden', why);

/** Any thrown value → an AppError; unknown errors become a 500 (or 503 for a database outage) without internals. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isUnavailable(err)) return new AppError('unavailable', undefined, { cause: err, retryAfter: 1 });
  return new AppError('internal', undefined, { cause: err });
}

// Network failures and throttling from the AWS SDK mean "try again soon", not "bug".
function isUnavailable(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: string; code?: string; $metadata?: unknown };
  const transient = new Set([
    'ECONNREFUSED',
    'ECONNRESET',
    'ETIMEDOUT',
    'EPIPE',
    'ProvisionedThroughputExceededException',
    'ThrottlingException',
    'RequestLimitExceeded',
    'InternalServerError',
    'ServiceUnavailable',
    'TimeoutError',
  ]);
  return transient.has(e.code ?? '') || transient.has(e.name ?? '');
}
