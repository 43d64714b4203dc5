import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { LogItem } from '../chats/store.js';
import type { Db } from '../db/client.js';
import { conditionFailedAt } from '../db/transactions.js';

type TransactItem = NonNullable<
  ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']
>[number];

export interface LinkRecord {
  code: string;
  chatId: string;
  createdBy: string;
  createdAt: string;
  expiresAt?: string;
}

export interface JoinRequestRecord {
  chatId: string;
  userId: string;
  requestedAt: string;
}

const linkKey = (code: string) => ({ pk: `link#${code}`, sk: 'link' });
const chatLinkKey = (chatId: string, code: string) => ({ pk: `chat#${chatId}`, sk: `link#${code}` });
const requestKey = (chatId: string, userId: string) => ({ pk: `chat#${chatId}`, sk: `req#${userId}` });

/** Invite links (by code, and per chat) and join requests in the safety table (db/tables.ts). */
export class InviteStore {
  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.safety;
  }

  /** The link and its entry in the chat's list, together. */
  async create(link: LinkRecord): Promise<void> {
    const ttl = link.expiresAt ? { expiresAt: Math.ceil(Date.parse(link.expiresAt) / 1000) } : {};
    const body = { ...link, expiresAtIso: link.expiresAt, ...ttl };
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: this.table,
              Item: { ...linkKey(link.code), ...body },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: this.table, Item: { ...chatLinkKey(link.chatId, link.code), ...body } } },
        ],
      }),
    );
  }

  async get(code: string): Promise<LinkRecord | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: linkKey(code), ConsistentRead: true }),
    );
    return res.Item ? toLink(res.Item) : undefined;
  }

  async listOf(chatId: string): Promise<LinkRecord[]> {
    return (await this.query(chatId, 'link#')).map(toLink);
  }

  /** Deletes the link of this chat; false when there was none. */
  async revoke(chatId: string, code: string): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table,
                Key: linkKey(code),
                ConditionExpression: 'chatId = :c',
                ExpressionAttributeValues: { ':c': chatId },
              },
            },
            { Delete: { TableName: this.table, Key: chatLinkKey(chatId, code) } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  /** Stores a request with the admins' notices (log items); false when it was pending already. */
  putRequest(r: JoinRequestRecord, log: readonly LogItem[]): Promise<boolean> {
    const Item = { ...requestKey(r.chatId, r.userId), ...r };
    return this.withLog(
      { Put: { TableName: this.table, Item, ConditionExpression: 'attribute_not_exists(pk)' } },
      log,
    );
  }

  async getRequest(chatId: string, userId: string): Promise<JoinRequestRecord | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: requestKey(chatId, userId), ConsistentRead: true }),
    );
    return res.Item ? toRequest(res.Item) : undefined;
  }

  async requestsOf(chatId: string): Promise<JoinRequestRecord[]> {
    return (await this.query(chatId, 'req#')).map(toRequest);
  }

  /** Removes a pending request with the admins' notices (log items); false when it was already answered. */
  removeRequest(chatId: string, userId: string, log: readonly LogItem[]): Promise<boolean> {
    const Key = requestKey(chatId, userId);
    return this.withLog(
      { Delete: { TableName: this.table, Key, ConditionExpression: 'attribute_exists(pk)' } },
      log,
    );
  }

  /** One change of a request and its log items together; false when the request's condition failed. */
  private async withLog(change: TransactItem, log: readonly LogItem[]): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            change,
            ...log.map((Item) => ({ Put: { TableName: this.db.tables.messages, Item } })),
          ],
        }),
      );
      return true;
    } catch (err) {
      if (conditionFailedAt(err)) return false;
      throw err;
    }
  }

  private async query(chatId: string, prefix: string): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.doc.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':pk': `chat#${chatId}`, ':p': prefix },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}

function toLink(item: Record<string, unknown>): LinkRecord {
  return {
    code: item.code as string,
    chatId: item.chatId as string,
    createdBy: item.createdBy as string,
    createdAt: item.createdAt as string,
    ...(typeof item.expiresAtIso === 'string' ? { expiresAt: item.expiresAtIso } : {}),
  };
}

function toRequest(item: Record<string, unknown>): JoinRequestRecord {
  return {
    chatId: item.chatId as string,
    userId: item.userId as string,
    requestedAt: item.requestedAt as string,
  };
}
