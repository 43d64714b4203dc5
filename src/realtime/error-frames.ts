import { type AppError, toAppError } from '../lib/errors.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';

/** A frame that is not valid protocol: an error frame, and a strike towards closing with 1008. */
export function reportInvalid(conn: Connection, code: AppError['code'], message: string, ref?: string): void {
  conn.send({ type: 'error', code, message, ...(ref ? { ref } : {}) });
  if (conn.strike()) conn.close(CloseCode.PolicyViolation, 'too many invalid frames');
}

/** A valid frame that failed: its error frame (`ref` names what failed); the socket stays open. */
export function reportFailure(conn: Connection, err: unknown, ref?: string): void {
  const e = toAppError(err);
  if (e.status >= 500) conn.log.error({ err: e.cause ?? err }, 'frame failed');
  conn.send({ type: 'error', code: e.code, message: e.message, ...(ref ? { ref } : {}) });
}
