import type { Db } from '../db/client.js';
import type { LabelCounter } from './registry.js';

export interface DynamoMetrics {
  dynamoCalls: LabelCounter;
  dynamoErrors: LabelCounter;
  dynamoThrottles: LabelCounter;
}

const THROTTLES = new Set([
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
]);

/**
 * Counts every DynamoDB attempt by operation on the shared client (the document client uses the
 * same stack for what it sends) and on the direct HTTP path (db/http-api.ts). It sits below the retry
 * middleware, so a throttled attempt that a retry later rescues is still counted: that is the
 * early warning the alarm wants.
 */
export function instrumentDynamo(db: Pick<Db, 'raw' | 'http'>, m: DynamoMetrics): void {
  const observe = (op: string, err?: unknown) => {
    m.dynamoCalls.inc(op);
    if (err === undefined) return;
    m.dynamoErrors.inc(op);
    if (THROTTLES.has((err as { name?: string })?.name ?? '')) m.dynamoThrottles.inc(op);
  };
  db.raw.middlewareStack.add(
    (next, context) => async (args) => {
      const op = operationOf(context.commandName);
      try {
        const out = await next(args);
        observe(op);
        return out;
      } catch (err) {
        observe(op, err);
        throw err;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'chatxMetrics' },
  );
  db.http.observe = observe;
}

const operationOf = (commandName: string | undefined) => (commandName ?? 'unknown').replace(/Command$/, '');
