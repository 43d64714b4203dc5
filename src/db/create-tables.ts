import {
  CreateTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  UpdateTimeToLiveCommand,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import { type TableNames, tableDefinitions } from './tables.js';

export interface CreateTablesResult {
  created: string[];
  existing: string[];
}

/** Creates every table that does not exist yet and enables TTL; safe to run any number of times. */
export async function createTables(client: DynamoDBClient, names: TableNames): Promise<CreateTablesResult> {
  const result: CreateTablesResult = { created: [], existing: [] };
  for (const def of tableDefinitions(names)) {
    const name = def.input.TableName as string;
    try {
      await client.send(new CreateTableCommand(def.input));
      result.created.push(name);
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
      result.existing.push(name);
    }
    await waitUntilTableExists({ client, maxWaitTime: 120, minDelay: 1 }, { TableName: name });
    if (def.ttlAttribute) await enableTtl(client, name, def.ttlAttribute);
  }
  return result;
}

async function enableTtl(client: DynamoDBClient, table: string, attribute: string): Promise<void> {
  try {
    await client.send(
      new UpdateTimeToLiveCommand({
        TableName: table,
        TimeToLiveSpecification: { AttributeName: attribute, Enabled: true },
      }),
    );
  } catch (err) {
    // DynamoDB answers ValidationException when TTL is already enabled: that is the idempotent case.
    if (!(err instanceof Error && /already enabled/i.test(err.message))) throw err;
  }
}
