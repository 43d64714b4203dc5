import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';

// Writes only the password hash on the user item (users table, pk "user#<id>", see
// src/users/store.ts); kept here so the users feature never handles credentials changes.

const userKey = (id: string) => `user#${id}`;

export class PasswordStore {
  constructor(private readonly db: Db) {}

  /**
   * Sets the user's password hash. With `expected`, only if the stored hash is still that one
   * (a re-hash must not undo a password change that landed meanwhile); returns whether it was set.
   */
  async setHash(userId: string, hash: string, expected?: string): Promise<boolean> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.db.tables.users,
          Key: { pk: userKey(userId) },
          UpdateExpression: 'SET passwordHash = :h',
          ConditionExpression:
            expected === undefined ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND passwordHash = :old',
          ExpressionAttributeValues: { ':h': hash, ...(expected === undefined ? {} : { ':old': expected }) },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }
}
