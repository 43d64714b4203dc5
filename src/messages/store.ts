import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID } from '../db/tables.js';
import type { Message } from './schemas.js';

/** The primary key's sort part: a retried send (same sender, same clientMsgId) hits the same item. */
export const msgKey = (senderId: string, clientMsgId: string) => `${senderId}#${clientMsgId}`;

/** A message as stored (see `item`). */
export type MessageItem = Record<string, unknown>;

// Per-member state on the message item itself, one attribute per member, so that setting one
// never needs the others (and a map that may not exist yet): "r#<userId>" = their reaction,
// "h#<userId>" = they deleted it for themselves.
const reactionAttr = (userId: string) => `r#${userId}`;
const hiddenAttr = (userId: string) => `h#${userId}`;

/** Users who deleted this message item for themselves. */
export function hiddenFor(item: Record<string, unknown>): string[] {
  return Object.keys(item)
    .filter((k) => k.startsWith('h#'))
    .map((k) => k.slice(2));
}

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
  writeBatch(items: MessageItem[]): Promise<MessageItem[]> {
    return this.db.batchWriter.put(this.table, items);
  }

  async getById(chatId: string, id: string): Promise<Message | undefined> {
    const item = await this.getItemById(chatId, id);
    return item ? toMessage(item) : undefined;
  }

  /** The stored item (with per-member state such as who hid it), strongly consistent. */
  async getItemById(chatId: string, id: string): Promise<MessageItem | undefined> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: MESSAGES_BY_ID,
        KeyConditionExpression: 'chatId = :c AND id = :id',
        ExpressionAttributeValues: { ':c': chatId, ':id': id },
        ConsistentRead: true,
      }),
    );
    return res.Items?.[0];
  }

  /**
   * A page of history in chat order. `after`: oldest first from just after the cursor; otherwise
   * newest first from just before `before` (or the end). Strongly consistent via the LSI. Messages
   * `viewer` deleted for themselves are left out (read on until the page is full).
   */
  async page(
    chatId: string,
    opts: { before?: string; after?: string; limit: number },
    viewer?: string,
  ): Promise<{ messages: Message[]; hasMore: boolean }> {
    const forward = opts.after !== undefined;
    const cursor = opts.after ?? opts.before;
    const items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: MESSAGES_BY_ID,
          KeyConditionExpression: cursor
            ? `chatId = :c AND id ${forward ? '>' : '<'} :cursor`
            : 'chatId = :c',
          ExpressionAttributeValues: { ':c': chatId, ...(cursor ? { ':cursor': cursor } : {}) },
          ScanIndexForward: forward,
          Limit: opts.limit + 1 - items.length,
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      const mine = viewer ? hiddenAttr(viewer) : undefined;
      items.push(...(res.Items ?? []).filter((i) => mine === undefined || i[mine] === undefined));
      start = res.LastEvaluatedKey;
    } while (start && items.length <= opts.limit);
    const messages = items.map(toMessage);
    return { messages: messages.slice(0, opts.limit), hasMore: messages.length > opts.limit };
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
  async tombstone(
    m: Message,
    at: string,
    pos: string,
  ): Promise<{ message: Message; replies: string[] } | undefined> {
    // Reactions, quote and mentions go with the text: nothing of what was said stays.
    const reactors = Object.values(m.reactions ?? {}).flat();
    const names = Object.fromEntries(reactors.map((u, i) => [`#r${i}`, reactionAttr(u)]));
    const removes = ['#text', 'replyTo', 'mentions', ...Object.keys(names)].join(', ');
    const item = await this.conditionalUpdateItem(
      m,
      `REMOVE ${removes} SET deleted = :true, updatedAt = :at, rev = :pos`,
      { ':true': true, ':at': at, ':pos': pos },
      names,
    );
    if (!item) return undefined;
    const replies = item.replies instanceof Set ? [...(item.replies as Set<string>)] : [];
    return { message: toMessage(item), replies };
  }

  /**
   * Notes on a live original that `reply` (its key) quotes it, so that deleting the original
   * can turn the quote into a tombstone. False when the original is deleted already: the
   * caller tombstones the quote itself. (Set and deletion are one item: either this lands first
   * and the delete sees it, or it fails.)
   */
  async linkReply(
    original: { chatId: string; id: string; senderId: string; clientMsgId: string },
    reply: Message,
  ): Promise<boolean> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId: original.chatId, msgKey: msgKey(original.senderId, original.clientMsgId) },
          UpdateExpression: 'ADD replies :key',
          ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
          ExpressionAttributeValues: {
            ':key': new Set([msgKey(reply.senderId, reply.clientMsgId)]),
            ':id': original.id,
          },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** The quote in the reply stored under `key` becomes a tombstone at `pos`; undefined if none is left to change. */
  async tombstoneQuote(chatId: string, key: string, pos: string): Promise<Message | undefined> {
    try {
      const res = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId, msgKey: key },
          UpdateExpression: 'SET replyTo.deleted = :true, rev = :pos REMOVE replyTo.#text',
          ConditionExpression: 'attribute_exists(replyTo) AND attribute_not_exists(replyTo.deleted)',
          ExpressionAttributeNames: { '#text': 'text' },
          ExpressionAttributeValues: { ':true': true, ':pos': pos },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return res.Attributes ? toMessage(res.Attributes) : undefined;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return undefined;
      throw err;
    }
  }

  /**
   * Sets (or with null removes) `userId`'s reaction, moving the message to `pos` in the change
   * log. 'same' when it was already so (nothing written), 'deleted' when the message is a tombstone.
   */
  async react(
    m: Message,
    userId: string,
    emoji: string | null,
    pos: string,
  ): Promise<Message | 'same' | 'deleted'> {
    const change =
      emoji === null
        ? { expr: 'REMOVE #r SET rev = :pos', cond: 'attribute_exists(#r)', values: {} }
        : {
            expr: 'SET #r = :e, rev = :pos',
            cond: '(attribute_not_exists(#r) OR #r <> :e)',
            values: { ':e': emoji },
          };
    try {
      const res = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId: m.chatId, msgKey: msgKey(m.senderId, m.clientMsgId) },
          UpdateExpression: change.expr,
          ConditionExpression: `id = :id AND attribute_not_exists(deleted) AND ${change.cond}`,
          ExpressionAttributeNames: { '#r': reactionAttr(userId) },
          ExpressionAttributeValues: { ...change.values, ':id': m.id, ':pos': pos },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return toMessage(res.Attributes ?? {});
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
      const now = await this.getById(m.chatId, m.id);
      return now?.deleted ? 'deleted' : 'same';
    }
  }

  /**
   * Hides the message from `userId` (delete for me) together with its change-log item, so only
   * their feed carries it. False when it was hidden already.
   */
  async hide(m: Message, userId: string, log: Record<string, unknown>): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: this.table,
                Key: { chatId: m.chatId, msgKey: msgKey(m.senderId, m.clientMsgId) },
                UpdateExpression: 'SET #h = :true',
                ConditionExpression: 'id = :id AND attribute_not_exists(#h)',
                ExpressionAttributeNames: { '#h': hiddenAttr(userId) },
                ExpressionAttributeValues: { ':true': true, ':id': m.id },
              },
            },
            { Put: { TableName: this.table, Item: log } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException) return false;
      throw err;
    }
  }

  private async conditionalUpdate(m: Message, expr: string, values: Record<string, unknown>) {
    const item = await this.conditionalUpdateItem(m, expr, values);
    return item ? toMessage(item) : undefined;
  }

  private async conditionalUpdateItem(
    m: Message,
    expr: string,
    values: Record<string, unknown>,
    names: Record<string, string> = {},
  ): Promise<MessageItem | undefined> {
    try {
      const res = await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId: m.chatId, msgKey: msgKey(m.senderId, m.clientMsgId) },
          UpdateExpression: expr,
          ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
          ExpressionAttributeNames: { '#text': 'text', ...names },
          ExpressionAttributeValues: { ...values, ':id': m.id },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return res.Attributes;
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
    ...(isQuote(item.replyTo) ? { replyTo: item.replyTo } : {}),
    ...(Array.isArray(item.mentions) && item.mentions.length > 0
      ? { mentions: item.mentions as string[] }
      : {}),
    ...reactionsOf(item),
  };
}

const isQuote = (q: unknown): q is NonNullable<Message['replyTo']> =>
  typeof q === 'object' && q !== null && typeof (q as { id?: unknown }).id === 'string';

/** "r#<userId>" attributes → { emoji: [userIds] }, absent when nobody reacted. */
function reactionsOf(item: Record<string, unknown>): { reactions?: Record<string, string[]> } {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(item)) {
    if (!k.startsWith('r#') || typeof v !== 'string') continue;
    const users = out[v] ?? [];
    users.push(k.slice(2));
    out[v] = users;
  }
  for (const users of Object.values(out)) users.sort();
  return Object.keys(out).length > 0 ? { reactions: out } : {};
}
