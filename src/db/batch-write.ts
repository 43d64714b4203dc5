import { unmarshall } from '@aws-sdk/util-dynamodb';
import { writeItemJson } from './attribute-json.js';
import type { DynamoHttp } from './http-api.js';
import { scratch } from './json-bytes.js';

type Item = Record<string, unknown>;

/**
 * BatchWriteItem of puts over the direct HTTP path, one attempt: the message writer's one hot
 * call, with the JSON written straight from its items (db/attribute-json.ts). The writer retries
 * and splits by chat itself (messages/writer.ts). Returns the items DynamoDB left unprocessed.
 */
export class BatchWriter {
  constructor(private readonly http: DynamoHttp) {}

  async put(table: string, items: readonly Item[]): Promise<Item[]> {
    const out = scratch;
    out.rewind(0); // a throw mid-way (a getter's) may have left text behind
    out.raw('{"RequestItems":{');
    out.string(table);
    out.raw(':[');
    items.forEach((item, i) => {
      out.raw(i === 0 ? '{"PutRequest":{"Item":' : ',{"PutRequest":{"Item":');
      writeItemJson(out, item);
      out.raw('}}');
    });
    out.raw(']}}');
    const body = out.take();
    const res = (await this.http.call('BatchWriteItem', body)) as {
      UnprocessedItems?: Record<string, { PutRequest?: { Item?: Record<string, never> } }[]>;
    };
    return (res.UnprocessedItems?.[table] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [unmarshall(r.PutRequest.Item)] : [],
    );
  }
}
