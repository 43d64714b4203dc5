import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { SESSIONS_BY_USER } from '../db/tables.js';

// Refresh tokens are stored only as hashes; a family is one sign-in on one device, and every
// rotation stays in it, so reuse of a rotated token can revoke the whole chain.

export interface RefreshTokenRecord {
  tokenHash: string;
  userId: string;
  familyId: string;
  /** Set when the token was rotated; presenting it again is reuse (after the grace window). */
  usedAt?: number;
  /** The successor, sealed with this token (see grace.ts), for a concurrent second refresh. */
  nextSealed?: string;
  expiresAt: number;
}

export interface FamilyRecord {
  familyId: string;
  userId: string;
  revoked: boolean;
  /** The device it was signed in from (User-Agent); absent on sessions older than the field. */
  label?: string;
  /** ISO timestamps. */
  createdAt?: string;
  lastUsedAt?: string;
  expiresAt: number;
}

export type NewFamily = Required<Omit<FamilyRecord, 'revoked'>>;

const tokenKey = (hash: string) => `rt#${hash}`;
const familyKey = (id: string) => `fam#${id}`;

export class SessionStore {
  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.sessions;
  }

  async createFamily(family: NewFamily): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.table,
        // familyUserId (only on family items) keys the byUser index: a user's sessions.
        Item: { pk: familyKey(family.familyId), ...family, familyUserId: family.userId, revoked: false },
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

  /** The user's sessions that are not revoked and not yet expired, oldest first. */
  async listFamilies(userId: string, nowSeconds: number): Promise<FamilyRecord[]> {
    const families: FamilyRecord[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: SESSIONS_BY_USER,
          KeyConditionExpression: 'familyUserId = :u',
          // TTL deletes lag expiry by up to days: an expired family is filtered out here.
          FilterExpression: 'revoked = :false AND expiresAt > :now',
          ExpressionAttributeValues: { ':u': userId, ':false': false, ':now': nowSeconds },
          ExclusiveStartKey: start,
        }),
      );
      families.push(...((res.Items ?? []) as FamilyRecord[]));
      start = res.LastEvaluatedKey;
    } while (start);
    return families.sort((a, b) => (a.createdAt ?? '').localeCompare(b.createdAt ?? ''));
  }

  /**
   * Marks `old` used (keeping the sealed successor on it) and stores `next`, in one transaction
   * that also requires the family to be live. Returns false when another request rotated `old`
   * first or the family is revoked.
   */
  async rotate(
    old: RefreshTokenRecord,
    next: RefreshTokenRecord,
    nextSealed: string,
    now: number,
  ): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: { pk: tokenKey(old.tokenHash) },
                UpdateExpression: 'SET usedAt = :now, nextSealed = :next',
                ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(usedAt)',
                ExpressionAttributeValues: { ':now': now, ':next': nextSealed },
              },
              // The family item is updated (not just checked) so its expiry slides with use.
            },
            {
              Update: {
                TableName: this.table,
                Key: { pk: familyKey(old.familyId) },
                UpdateExpression: 'SET expiresAt = :exp, lastUsedAt = :used',
                ConditionExpression: 'revoked = :false',
                ExpressionAttributeValues: {
                  ':false': false,
                  ':exp': next.expiresAt,
                  ':used': new Date(now).toISOString(),
                },
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
