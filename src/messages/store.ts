import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID } from '../db/tables.js';
import type { Message } from './schemas.js';

/** The primary key's sort part: a retried send (same sender, same clientMsgId) hits the same item. */
export const msgKey = (senderId: string, clientMsgId: string) => `${senderId}#${clientMsgId}`;

/** A message as stored (see `item`). */
export type MessageItem = Record<string, unknown>;

export class MessageStore {
  constructor(private readonly db: Db) {}

  get table() {
    return this.db.tables.messages;
  }

  /**
   * A new message has no rev: the change log finds it by id (LSI byId). An edit or delete gives it
   * one (its position then, LSI byRev), so the common write pays for one index, not two.
   */
  item(m: Message): MessageItem {
    return { ...m, msgKey: msgKey(m.senderId, m.clientMsgId) };
  }

  /** Already-stored messages among these (chat, sender, clientMsgId) keys, strongly consistent. */
  async findExisting(keys: { chatId: string; senderId: string; clientMsgId: string }[]): Promise<Message[]> {
    const items = await batchGetAll(
      this.db.doc,
      this.table,
      keys.map((k) => ({ chatId: k.chatId, msgKey: msgKey(k.senderId, k.clientMsgId) })),
      true,
    );
    return items.map(toMessage);
  }

  /** One BatchWriteItem call (≤ 25 puts); returns the items DynamoDB left unprocessed. */
  async writeBatch(items: MessageItem[]): Promise<MessageItem[]> {
    const res = await this.db.doc.send(
      new BatchWriteCommand({
        RequestItems: { [this.table]: items.map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
    return (res.UnprocessedItems?.[this.table] ?? []).flatMap((r) =>
      r.PutRequest?.Item ? [r.PutRequest.Item] : [],
    );
  }

  async getById(chatId: string, id: string): Promise<Message | undefined> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: MESSAGES_BY_ID,
        KeyConditionExpression: 'chatId = :c AND id = :id',
        ExpressionAttributeValues: { ':c': chatId, ':id': id },
        ConsistentRead: true,
      }),
    );
    const item = res.Items?.[0];
    return item ? toMessage(item) : undefined;
  }

  /**
   * A page of history in chat order. `after`: oldest first from just after the cursor; otherwise
   * newest first from just before `before` (or the end). Strongly consistent via the LSI.
   */
  async page(
    chatId: string,
    opts: { before?: string; after?: string; limit: number },
  ): Promise<{ messages: Message[]; hasMore: boolean }> {
    const forward = opts.after !== undefined;
    const cursor = opts.after ?? opts.before;
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: MESSAGES_BY_ID,
        KeyConditionExpression: cursor ? `chatId = :c AND id ${forward ? '>' : '<'} :cursor` : 'chatId = :c',
        ExpressionAttributeValues: { ':c': chatId, ...(cursor ? { ':cursor': cursor } : {}) },
        ScanIndexForward: forward,
        Limit: opts.limit + 1,
        ConsistentRead: true,
      }),
    );
    const items = (res.Items ?? []).map(toMessage);
    return { messages: items.slice(0, opts.limit), hasMore: items.length > opts.limit };
  }

  /**
   * The sender's own messages in chat order after `after`, one Query page (≤ `limit` items read)
   * at a time; `next` is where to go on, absent at the end. For the data export: memory stays
   * bounded by the page, whatever the chat's length.
   */
  async pageBySender(
    chatId: string,
    senderId: string,
    limit: number,
    after?: string,
  ): Promise<{ messages: Message[]; next?: string }> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: MESSAGES_BY_ID,
        KeyConditionExpression: after ? 'chatId = :c AND id > :after' : 'chatId = :c',
        FilterExpression: 'senderId = :me',
        ExpressionAttributeValues: { ':c': chatId, ':me': senderId, ...(after ? { ':after': after } : {}) },
        Limit: limit,
      }),
    );
    const next = res.LastEvaluatedKey?.id as string | undefined;
    return { messages: (res.Items ?? []).map(toMessage), ...(next ? { next } : {}) };
  }

  async latest(chatId: string): Promise<Message | undefined> {
    return (await this.page(chatId, { limit: 1 })).messages[0];
  }

  /** Messages after `afterId` not sent by `userId`, counted up to `cap`. */
  async countUnread(
    chatId: string,
    userId: string,
    afterId: string | undefined,
    cap: number,
  ): Promise<number> {
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const res = await this.db.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: MESSAGES_BY_ID,
          KeyConditionExpression: afterId ? 'chatId = :c AND id > :after' : 'chatId = :c',
          FilterExpression: 'senderId <> :me AND attribute_not_exists(deleted)',
          ExpressionAttributeValues: {
            ':c': chatId,
            ':me': userId,
            ...(afterId ? { ':after': afterId } : {}),
          },
          Select: 'COUNT',
          Limit: cap,
          ExclusiveStartKey: start,
        }),
      );
      count += res.Count ?? 0;
      start = res.LastEvaluatedKey;
    } while (start && count < cap);
    return Math.min(count, cap);
  }

  /** Sets new text on a live message, moving it to `pos` in the change log; undefined if it was deleted meanwhile. */
  async edit(m: Message, text: string, at: string, pos: string): Promise<Message | undefined> {
    return this.conditionalUpdate(m, 'SET #text = :text, updatedAt = :at, rev = :pos', {
      ':text': text,
      ':at': at,
      ':pos': pos,
    });
  }

  /** Turns a message into a tombstone at `pos`: no text, same id, so history stays aligned. */
  async tombstone(m: Message, at: string, pos: string): Promise<Message | undefined> {
    return this.conditionalUpdate(m, 'REMOVE #text SET deleted = :true, updatedAt = :at, rev = :pos', {
      ':true': true,
      ':at': at,
      ':pos': pos,
    });
  }

  private async conditionalUpdate(m: Message, expr: string, values: Record<string, unknown>) {
    try {
      const res = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId: m.chatId, msgKey: msgKey(m.senderId, m.clientMsgId) },
          UpdateExpression: expr,
          ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
          ExpressionAttributeNames: { '#text': 'text' },
          ExpressionAttributeValues: { ...values, ':id': m.id },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return res.Attributes ? toMessage(res.Attributes) : undefined;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  }
}

export function toMessage(item: Record<string, unknown>): Message {
  return {
    id: item.id as string,
    chatId: item.chatId as string,
    senderId: item.senderId as string,
    clientMsgId: item.clientMsgId as string,
    ...(typeof item.text === 'string' ? { text: item.text } : {}),
    createdAt: item.createdAt as string,
    ...(typeof item.updatedAt === 'string' ? { updatedAt: item.updatedAt } : {}),
    ...(item.deleted === true ? { deleted: true as const } : {}),
  };
}
