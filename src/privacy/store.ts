import { GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { conditionFailedAt } from '../db/transactions.js';
import { defaultPrivacy, type PrivacyPatch, type PrivacySettings } from './schemas.js';

/** A user's settings and both sides of their blocks, as one item. */
export interface PrivacyState extends PrivacySettings {
  /** Users I blocked. */
  blocked: ReadonlySet<string>;
  /** Users who blocked me (so every check about me reads only my own item). */
  blockedBy: ReadonlySet<string>;
}

/** Shared by every state without blocks (most users'): an empty Set per socket is ~200 bytes. */
const NO_IDS: ReadonlySet<string> = new Set();

/**
 * The state of a user who never changed anything: one object shared by all of them, since states
 * are replaced, never changed in place (a copy per user, built by spreading the defaults, also got
 * a hidden class of its own each: ~300 bytes per connected user in a heap snapshot).
 */
export const noPrivacy: PrivacyState = Object.freeze({
  lastSeen: defaultPrivacy.lastSeen,
  readReceipts: defaultPrivacy.readReceipts,
  groupAdd: defaultPrivacy.groupAdd,
  blocked: NO_IDS,
  blockedBy: NO_IDS,
});

/** Thrown when a block would pass the per-user cap. */
export class TooManyBlocks extends Error {
  override name = 'TooManyBlocks';
}

const key = (userId: string) => ({ pk: `user#${userId}`, sk: 'privacy' });

type LogItem = Record<string, unknown>;

/** The privacy item of each user in the safety table (see db/tables.ts). */
export class PrivacyStore {
  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.safety;
  }

  async get(userId: string): Promise<PrivacyState> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: key(userId), ConsistentRead: true }),
    );
    return res.Item ? toState(res.Item) : noPrivacy;
  }

  /** Several users' states (defaults for those who never changed anything). */
  async getMany(userIds: readonly string[]): Promise<Map<string, PrivacyState>> {
    const ids = [...new Set(userIds)];
    const items = await batchGetAll(this.db.doc, this.table, ids.map(key), true);
    const out = new Map(ids.map((id) => [id, noPrivacy]));
    for (const item of items) out.set((item.pk as string).slice('user#'.length), toState(item));
    return out;
  }

  /** Sets some settings, with the change's log item (the user's personal log), all or nothing. */
  async setSettings(userId: string, patch: PrivacyPatch, log: LogItem): Promise<void> {
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return;
    await this.transact(log, [
      {
        Update: {
          TableName: this.table,
          Key: key(userId),
          UpdateExpression: `SET ${entries.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(entries.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([k, v]) => [`:${k}`, v])),
        },
      },
    ]);
  }

  /** Adds (or removes) the block on both users' items and logs it in the blocker's log. */
  async setBlock(blocker: string, target: string, blocked: boolean, max: number, log: LogItem) {
    const op = blocked ? 'ADD' : 'DELETE';
    const cap = blocked
      ? {
          ConditionExpression: 'attribute_not_exists(blocked) OR size(blocked) < :max',
          ExpressionAttributeValues: { ':v': new Set([target]), ':max': max },
        }
      : { ExpressionAttributeValues: { ':v': new Set([target]) } };
    try {
      await this.transact(log, [
        {
          Update: { TableName: this.table, Key: key(blocker), UpdateExpression: `${op} blocked :v`, ...cap },
        },
        {
          Update: {
            TableName: this.table,
            Key: key(target),
            UpdateExpression: `${op} blockedBy :v`,
            ExpressionAttributeValues: { ':v': new Set([blocker]) },
          },
        },
      ]);
    } catch (err) {
      if (conditionFailedAt(err)) throw new TooManyBlocks();
      throw err;
    }
  }

  private async transact(log: LogItem, items: NonNullable<TransactItems>) {
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [...items, { Put: { TableName: this.db.tables.messages, Item: log } }],
      }),
    );
  }
}

type TransactItems = ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems'];

const idSet = (v: unknown): ReadonlySet<string> =>
  v instanceof Set && v.size > 0 ? new Set(v as Set<string>) : NO_IDS;

function toState(item: Record<string, unknown>): PrivacyState {
  return {
    lastSeen:
      item.lastSeen === 'chats' || item.lastSeen === 'nobody' ? item.lastSeen : defaultPrivacy.lastSeen,
    readReceipts: item.readReceipts !== false,
    groupAdd: item.groupAdd === 'nobody' ? 'nobody' : 'everyone',
    blocked: idSet(item.blocked),
    blockedBy: idSet(item.blockedBy),
  };
}
