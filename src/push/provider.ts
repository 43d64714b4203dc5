import type { Device } from '../devices/store.js';
import type { PushPayload } from './payload.js';

/**
 * How one attempt ended. `retry` only when the provider said so (429/5xx) or the request never
 * left (connection refused): a timeout may have delivered, and a push goes out at most once.
 */
export type Outcome =
  | { kind: 'delivered' }
  | { kind: 'gone' }
  | { kind: 'retry'; afterMs?: number; status?: number }
  | { kind: 'failed'; status?: number; reason?: string };

/** What a provider needs of a device: where to send (not whose, nor since when). */
export type PushTarget = Pick<Device, 'platform' | 'endpoint' | 'p256dh' | 'auth' | 'token'>;

export interface PushProvider {
  send(device: PushTarget, payload: PushPayload): Promise<Outcome>;
  close(): Promise<void>;
}

/** Seconds or an HTTP date → milliseconds from now; undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** An HTTP answer as an outcome: 2xx delivered, 429/5xx retry, `gone` statuses delete the device. */
export function fromStatus(status: number, retryAfter: string | null | undefined, gone: boolean): Outcome {
  if (status >= 200 && status < 300) return { kind: 'delivered' };
  if (gone) return { kind: 'gone' };
  if (status === 429 || status >= 500) {
    const afterMs = retryAfterMs(retryAfter);
    return { kind: 'retry', status, ...(afterMs !== undefined ? { afterMs } : {}) };
  }
  return { kind: 'failed', status };
}

/** A fetch that failed before any answer: retried only when the request surely never left. */
export function fromNetworkError(err: unknown): Outcome {
  const code =
    (err as { cause?: { code?: string }; code?: string }).cause?.code ?? (err as { code?: string }).code;
  if (code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { kind: 'retry' };
  return { kind: 'failed', reason: code ?? (err as Error).name ?? 'network' };
}
