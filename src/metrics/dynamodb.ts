import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
 * same stack). It sits below the retry middleware, so a throttled attempt that a retry later
 * rescues is still counted: that is the early warning the alarm wants.
 */
export function instrumentDynamo(client: DynamoDBClient, m: DynamoMetrics): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const op = operationOf(context.commandName);
      m.dynamoCalls.inc(op);
      try {
        return await next(args);
      } catch (err) {
        m.dynamoErrors.inc(op);
        if (THROTTLES.has((err as { name?: string })?.name ?? '')) m.dynamoThrottles.inc(op);
        throw err;
      }
    },
    { step: 'finalizeRequest', priority: 'low', name: 'chatxMetrics' },
  );
}

const operationOf = (commandName: string | undefined) => (commandName ?? 'unknown').replace(/Command$/, '');
