import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';

// Password-reset tokens, in the sessions table, stored only as their sha256.

const resetKey = (hash: string) => `reset#${hash}`;

export class ResetStore {
  constructor(private readonly db: Db) {}

  async put(r: { tokenHash: string; userId: string; expiresAt: number }): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tables.sessions,
        Item: { pk: resetKey(r.tokenHash), userId: r.userId, expiresAt: r.expiresAt },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  /**
   * Deletes the token and returns its user, if it exists and has not expired: the delete is the
   * use, so two confirmations with one token cannot both succeed.
   */
  async consume(tokenHash: string, nowSeconds: number): Promise<string | undefined> {
    try {
      const res = await this.db.doc.send(
        new DeleteCommand({
          TableName: this.db.tables.sessions,
          Key: { pk: resetKey(tokenHash) },
          ConditionExpression: 'attribute_exists(pk) AND expiresAt > :now',
          ExpressionAttributeValues: { ':now': nowSeconds },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return res.Attributes?.userId as string | undefined;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  }
}
