import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';

// Refresh tokens are stored only as hashes; a family is one sign-in on one device, and every
// rotation stays in it, so reuse of a rotated token can revoke the whole chain.

export interface RefreshTokenRecord {
  tokenHash: string;
  userId: string;
  familyId: string;
  /** Set when the token was rotated; presenting it again is reuse. */
  usedAt?: number;
  expiresAt: number;
}

export interface FamilyRecord {
  familyId: string;
  userId: string;
  revoked: boolean;
}

const tokenKey = (hash: string) => `rt#${hash}`;
const familyKey = (id: string) => `fam#${id}`;

export class SessionStore {
  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.sessions;
  }

  async createFamily(family: { familyId: string; userId: string; expiresAt: number }): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: familyKey(family.familyId), ...family, revoked: false },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async putToken(t: RefreshTokenRecord): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: tokenKey(t.tokenHash), ...t },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async getToken(tokenHash: string): Promise<RefreshTokenRecord | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { pk: tokenKey(tokenHash) }, ConsistentRead: true }),
    );
    return res.Item as RefreshTokenRecord | undefined;
  }

  async getFamily(familyId: string): Promise<FamilyRecord | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { pk: familyKey(familyId) }, ConsistentRead: true }),
    );
    return res.Item as FamilyRecord | undefined;
  }

  /**
   * Marks `old` used and stores `next`, in one transaction that also requires the family to be
   * live. Returns false when another request rotated `old` first (reuse) or the family is revoked.
   */
  async rotate(old: RefreshTokenRecord, next: RefreshTokenRecord, now: number): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: { pk: tokenKey(old.tokenHash) },
                UpdateExpression: 'SET usedAt = :now',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
                ExpressionAttributeValues: { ':now': now },
              },
              // The family item is updated (not just checked) so its expiry slides with use.
            },
            {
              Update: {
                TableName: this.table,
                Key: { pk: familyKey(old.familyId) },
                UpdateExpression: 'SET expiresAt = :exp',
                ConditionExpression: 'revoked = :false',
                ExpressionAttributeValues: { ':false': false, ':exp': next.expiresAt },
              },
            },
            {
              Put: {
                TableName: this.table,
                Item: { pk: tokenKey(next.tokenHash), ...next },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  async revokeFamily(familyId: string): Promise<void> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: familyKey(familyId) },
          UpdateExpression: 'SET revoked = :true',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':true': true },
        }),
      );
    } catch (err) {
      // Already expired and deleted by TTL: nothing left to revoke.
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  async deleteToken(tokenHash: string): Promise<void> {
    await this.db.doc.send(new DeleteCommand({ TableName: this.table, Key: { pk: tokenKey(tokenHash) } }));
  }
}
