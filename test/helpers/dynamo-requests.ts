import type { Db } from '../../src/db/client.js';

/** What a request names: its table (or a batch's first), and its index. */
export interface RequestInput {
  TableName?: string;
  IndexName?: string;
  RequestItems?: Record<string, unknown>;
}

type Around = <T>(operation: string, input: RequestInput, run: () => Promise<T>) => Promise<T>;

/**
 * Runs `around` for every DynamoDB request the server makes, whichever path it takes: item
 * operations over the direct HTTP path (db/http-api.ts), the rest (transactions, admin) through
 * the SDK. Operations are named as DynamoDB names them (`Query`, `BatchWriteItem`).
 */
export function aroundDynamoRequests(db: Pick<Db, 'raw'> & Partial<Pick<Db, 'http'>>, around: Around): void {
  // Older trees (bench/reconnect.ts runs them) send everything through the SDK.
  const http = db.http;
  if (http) {
    const call = http.call.bind(http);
    http.call = (operation, body) =>
      around(operation, JSON.parse(body.toString()) as RequestInput, () => call(operation, body));
  }
  db.raw.middlewareStack.add(
    (next, context) => (args) =>
      around((context.commandName as string).replace(/Command$/, ''), args.input as RequestInput, () =>
        next(args),
      ),
    { step: 'initialize', name: 'aroundDynamoRequests' },
  );
}

/** Calls `seen` with every request's operation and input (see aroundDynamoRequests). */
export function onDynamoRequest(
  db: Pick<Db, 'raw' | 'http'>,
  seen: (operation: string, input: RequestInput) => void,
): void {
  aroundDynamoRequests(db, (operation, input, run) => {
    seen(operation, input);
    return run();
  });
}
