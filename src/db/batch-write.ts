import { unmarshall } from '@aws-sdk/util-dynamodb';
import { marshallJson } from './attribute-json.js';
import type { DynamoHttp } from './http-api.js';

type Item = Record<string, unknown>;

/**
 * BatchWriteItem of puts over the direct HTTP path, one attempt: the message writer's one hot
 * call, with the JSON written straight from its items (db/attribute-json.ts). The writer retries
 * and splits by chat itself (messages/writer.ts). Returns the items DynamoDB left unprocessed.
 */
export class BatchWriter {
  constructor(private readonly http: DynamoHttp) {}

  async put(table: string, items: readonly Item[]): Promise<Item[]> {
    let puts = '';
    for (const item of items) puts += `${puts ? ',' : ''}{"PutRequest":{"Item":${marshallJson(item)}}}`;
    const body = `{"RequestItems":{${JSON.stringify(table)}:[${puts}]}}`;
    const res = (await this.http.call('BatchWriteItem', body)) as {
      UnprocessedItems?: Record<string, { PutRequest?: { Item?: Record<string, never> } }[]>;
    };
    return (res.UnprocessedItems?.[table] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [unmarshall(r.PutRequest.Item)] : [],
    );
  }
}
