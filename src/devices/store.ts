import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { backoff } from '../db/batch.js';
import type { Db } from '../db/client.js';
import type { Platform } from './schemas.js';

// A user's push targets live in their partition of the feed table (see db/tables.ts):
//   devices of a user ..... userId, sk begins_with "dev#" (at most 10: one Query)
//   one per target ........ sk = "dev#<sha256(platform|endpoint or token)>": registering the same
//                           endpoint again finds the same item (idempotent)
//   how many .............. sk = "devcount", n: the cap is a condition in the same transaction

export interface Device {
  id: string;
  userId: string;
  platform: Platform;
  createdAt: string;
  /** Hash of platform and endpoint/token: the item's key. */
  targetKey: string;
  /** webpush */
  endpoint?: string;
  p256dh?: string;
  auth?: string;
  /** apns, fcm */
  token?: string;
}

export class DeviceLimitReached extends Error {
  override name = 'DeviceLimitReached';
}

const PREFIX = 'dev#';
const COUNT = 'devcount';

export class DeviceStore {
  /** Told after this instance added or removed a device of the user (push forgets its cached list). */
  changed?: (userId: string) => void;

  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.feed;
  }

  async list(userId: string): Promise<Device[]> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'userId = :u AND begins_with(sk, :p)',
        ExpressionAttributeValues: { ':u': userId, ':p': PREFIX },
        ConsistentRead: true,
      }),
    );
    return (res.Items ?? []).map(toDevice);
  }

  /**
   * Adds the device unless its target is registered already (then returns the stored one, with
   * fresh keys) or the user has `max`. Put and count move together in one transaction.
   */
  async add(d: Device, max: number): Promise<{ device: Device; created: boolean }> {
    for (let attempt = 0; ; attempt++) {
      try {
        const added = await this.tryAdd(d, max);
        this.changed?.(d.userId);
        return added;
      } catch (err) {
        // Another change of this user's devices at the same moment (the count item): try again.
        const conflict =
          err instanceof TransactionCanceledException &&
          (err.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict');
        if (!conflict || attempt >= 5) throw err;
        await backoff(attempt + 1);
      }
    }
  }

  private async tryAdd(d: Device, max: number): Promise<{ device: Device; created: boolean }> {
    const existing = (await this.list(d.userId)).find((x) => x.targetKey === d.targetKey);
    if (existing) {
      if (existing.p256dh !== d.p256dh || existing.auth !== d.auth) {
        await this.db.doc.send(
          new UpdateCommand({
            TableName: this.table,
            Key: { userId: d.userId, sk: PREFIX + d.targetKey },
            UpdateExpression: 'SET p256dh = :k, #auth = :a',
            ExpressionAttributeNames: { '#auth': 'auth' },
            ExpressionAttributeValues: { ':k': d.p256dh, ':a': d.auth },
          }),
        );
      }
      return { device: { ...existing, ...pick(d) }, created: false };
    }
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: this.table,
                Item: { ...item(d) },
                ConditionExpression: 'attribute_not_exists(sk)',
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: { userId: d.userId, sk: COUNT },
                UpdateExpression: 'ADD n :one',
                ConditionExpression: 'attribute_not_exists(n) OR n < :max',
                ExpressionAttributeValues: { ':one': 1, ':max': max },
              },
            },
          ],
        }),
      );
      return { device: d, created: true };
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const [put, count] = (err.CancellationReasons ?? []).map((r) => r.Code);
      if (count === 'ConditionalCheckFailed') throw new DeviceLimitReached();
      if (put === 'ConditionalCheckFailed') {
        // Registered concurrently by another request: answer with that one.
        const stored = (await this.list(d.userId)).find((x) => x.targetKey === d.targetKey);
        if (stored) return { device: stored, created: false };
      }
      throw err;
    }
  }

  /** Deletes it; false when the user has no such device (never another user's). */
  async remove(userId: string, id: string): Promise<boolean> {
    const d = (await this.list(userId)).find((x) => x.id === id);
    return d ? this.removeTarget(userId, d.targetKey) : false;
  }

  /** Deletes every device of the user (account deletion). */
  async removeAll(userId: string): Promise<void> {
    for (const d of await this.list(userId)) await this.removeTarget(userId, d.targetKey);
  }

  /**
   * Deletes the device by its target (a provider said it is gone); false when gone already.
   * Deletes of one user's devices share the count item: concurrent ones conflict and are retried.
   */
  async removeTarget(userId: string, targetKey: string): Promise<boolean> {
    for (let attempt = 0; ; attempt++) {
      const result = await this.tryRemove(userId, targetKey);
      if (result !== 'conflict') {
        this.changed?.(userId);
        return result;
      }
      if (attempt >= 5) throw new Error('device delete kept conflicting');
      await backoff(attempt + 1);
    }
  }

  private async tryRemove(userId: string, targetKey: string): Promise<boolean | 'conflict'> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table,
                Key: { userId, sk: PREFIX + targetKey },
                ConditionExpression: 'attribute_exists(sk)',
              },
            },
            {
              Update: {
                TableName: this.table,
                Key: { userId, sk: COUNT },
                UpdateExpression: 'ADD n :minus',
                ExpressionAttributeValues: { ':minus': -1 },
              },
            },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const reasons = (err.CancellationReasons ?? []).map((r) => r.Code);
      return reasons.includes('TransactionConflict') ? 'conflict' : false;
    }
  }
}

const pick = (d: Device) => (d.p256dh ? { p256dh: d.p256dh, auth: d.auth } : {});

function item(d: Device): Record<string, unknown> {
  const { targetKey, ...rest } = d;
  return { ...rest, sk: PREFIX + targetKey };
}

function toDevice(i: Record<string, unknown>): Device {
  return {
    id: i.id as string,
    userId: i.userId as string,
    platform: i.platform as Platform,
    createdAt: i.createdAt as string,
    targetKey: (i.sk as string).slice(PREFIX.length),
    ...(typeof i.endpoint === 'string' ? { endpoint: i.endpoint } : {}),
    ...(typeof i.p256dh === 'string' ? { p256dh: i.p256dh } : {}),
    ...(typeof i.auth === 'string' ? { auth: i.auth } : {}),
    ...(typeof i.token === 'string' ? { token: i.token } : {}),
  };
}
