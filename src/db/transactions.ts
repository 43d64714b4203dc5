import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';

/**
 * True when a TransactWriteItems call was cancelled because the condition of its item at `index`
 * failed. A transaction cancelled for any other reason (throttling, a conflict) is an error.
 */
export const conditionFailedAt = (err: unknown, index = 0): boolean =>
  err instanceof TransactionCanceledException &&
  err.CancellationReasons?.[index]?.Code === 'ConditionalCheckFailed';
