import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoHttp } from './http-api.js';

type Item = Record<string, unknown>;

/**
 * BatchWriteItem of puts over the direct HTTP path, one attempt: the message writer's one hot
 * call, with the JSON built once from its items. The writer retries and splits by chat itself
 * (messages/writer.ts). Returns the items DynamoDB left unprocessed.
 */
export class BatchWriter {
  constructor(private readonly http: DynamoHttp) {}

  async put(table: string, items: readonly Item[]): Promise<Item[]> {
    const body = JSON.stringify({
      RequestItems: {
        [table]: items.map((item) => ({
          PutRequest: {
            Item: marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false }),
          },
        })),
      },
    });
    const res = (await this.http.call('BatchWriteItem', body)) as {
      UnprocessedItems?: Record<string, { PutRequest?: { Item?: Record<string, never> } }[]>;
    };
    return (res.UnprocessedItems?.[table] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [unmarshall(r.PutRequest.Item)] : [],
    );
  }
}
