import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID } from '../db/tables.js';
import { conditionFailedAt } from '../db/transactions.js';
import { RETENTION_MS, refItem } from '../feed/log.js';
import { BucketIndex, bucketOf, bucketOfTime, lastIdOf, partitionKey, partitionOf } from './buckets.js';
import { hiddenAttr, reactionAttr, toMessage } from './items.js';
import type { Message } from './schemas.js';

/** The primary key's sort part: a retried send (same sender, same clientMsgId) hits the same item. */
export const msgKey = (senderId: string, clientMsgId: string) => `${senderId}#${clientMsgId}`;

type Keyed = { chatId: string; id: string; senderId: string; clientMsgId: string };
/** A message's partition: its id's bucket. */
const pkOf = (m: Keyed) => partitionOf(m.chatId, m.id);
/** A message's sort key: its idempotency key. */
const skOf = (m: Keyed) => msgKey(m.senderId, m.clientMsgId);
/** A message's primary key. */
const keyOf = (m: Keyed) => ({ pk: pkOf(m), sk: skOf(m) });

/** How an original names a reply quoting it: "<id>|<msgKey>" (the key needs both). */
export const replyRef = (m: Message) => `${m.id}|${msgKey(m.senderId, m.clientMsgId)}`;

/** A message as stored (see `item`). */
export type MessageItem = Record<string, unknown>;

export { hiddenFor, toMessage } from './items.js';

export class MessageStore {
  /** The chats' non-empty buckets; this instance's writes are cached here. */
  readonly buckets: BucketIndex;

  constructor(private readonly db: Db) {
    this.buckets = new BucketIndex(db);
  }

  get table() {
    return this.db.tables.messages;
  }

  /** The stored form: in its id's bucket, under its idempotency key (the change log finds it by id, LSI byId). */
  item(m: Message): MessageItem {
    // Its key's parts set directly: no key object per message on the hot path.
    return { ...m, pk: pkOf(m), sk: skOf(m) };
  }

  /** Lists the buckets of these new messages in the chat's bucket index (before writing them). */
  ensureBuckets(messages: readonly Message[]): Promise<void> {
    return this.buckets.ensure(messages.map((m) => ({ chatId: m.chatId, bucket: bucketOf(m.id) })));
  }

  /**
   * Already-stored messages among these (chat, sender, clientMsgId) keys, strongly consistent: one
   * index query per chat for its buckets of the feed's retention (a resend is recognised for 30
   * days), then BatchGets of every key in each of them.
   */
  async findExisting(keys: { chatId: string; senderId: string; clientMsgId: string }[]): Promise<Message[]> {
    const now = Date.now();
    const byChat = new Map<string, string[]>();
    for (const k of keys)
      byChat.set(k.chatId, [...(byChat.get(k.chatId) ?? []), msgKey(k.senderId, k.clientMsgId)]);
    const lookups = await Promise.all(
      [...byChat].map(async ([chatId, sks]) => {
        const buckets = await this.buckets.between(
          chatId,
          bucketOfTime(now - RETENTION_MS),
          bucketOfTime(now + 60_000),
        );
        return buckets.flatMap((b) => [...new Set(sks)].map((sk) => ({ pk: partitionKey(chatId, b), sk })));
      }),
    );
    const items = await batchGetAll(this.db.doc, this.table, lookups.flat(), true);
    return items.map(toMessage);
  }

  /** The current state of these messages (ids known: one BatchGet, strongly consistent). */
  async current(messages: readonly Message[]): Promise<Message[]> {
    const items = await batchGetAll(this.db.doc, this.table, messages.map(keyOf), true);
    return items.map(toMessage);
  }

  /** As `current`, with the ids of those `viewer` deleted for themselves set apart. */
  async currentFor(
    messages: readonly Message[],
    viewer: string,
  ): Promise<{ shown: Message[]; hiddenIds: Set<string> }> {
    const items = await batchGetAll(this.db.doc, this.table, messages.map(keyOf), true);
    const mine = hiddenAttr(viewer);
    const hidden = items.filter((i) => i[mine] !== undefined);
    return {
      shown: items.filter((i) => i[mine] === undefined).map(toMessage),
      hiddenIds: new Set(hidden.map((i) => i.id as string)),
    };
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
        KeyConditionExpression: 'pk = :p AND id = :id',
        ExpressionAttributeValues: { ':p': partitionOf(chatId, id), ':id': id },
        ConsistentRead: true,
      }),
    );
    return res.Items?.[0];
  }

  /**
   * A page of history in chat order. `after`: oldest first from just after the cursor; otherwise
   * newest first from just before `before` (or the end). Walks the chat's non-empty buckets from
   * the cursor's; strongly consistent via the LSI. Messages `viewer` deleted for themselves are
   * left out (read on until the page is full).
   */
  async page(
    chatId: string,
    opts: { before?: string; after?: string; limit: number },
    viewer?: string,
  ): Promise<{ messages: Message[]; hasMore: boolean }> {
    const forward = opts.after !== undefined;
    const cursor = opts.after ?? opts.before;
    const from = cursor === undefined ? undefined : bucketOf(cursor);
    const buckets = forward
      ? this.buckets.walk(chatId, from, undefined, true)
      : this.buckets.walk(chatId, undefined, from, false);
    const mine = viewer ? hiddenAttr(viewer) : undefined;
    const items: Record<string, unknown>[] = [];
    for await (const bucket of buckets) {
      let start: Record<string, unknown> | undefined;
      do {
        const res: QueryCommandOutput = await this.db.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: MESSAGES_BY_ID,
            KeyConditionExpression: cursor ? `pk = :p AND id ${forward ? '>' : '<'} :cursor` : 'pk = :p',
            ExpressionAttributeValues: {
              ':p': partitionKey(chatId, bucket),
              ...(cursor ? { ':cursor': cursor } : {}),
            },
            ScanIndexForward: forward,
            Limit: opts.limit + 1 - items.length,
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(res.Items ?? []).filter((i) => mine === undefined || i[mine] === undefined));
        start = res.LastEvaluatedKey;
      } while (start && items.length <= opts.limit);
      if (items.length > opts.limit) break;
    }
    const messages = items.map(toMessage);
    return { messages: messages.slice(0, opts.limit), hasMore: messages.length > opts.limit };
  }

  /**
   * The sender's own messages in chat order after `after`, about `limit` items read per call
   * (bucket by bucket); `next` is where to go on, absent at the end. For the data export: memory
   * stays bounded by the page, whatever the chat's length.
   */
  async pageBySender(
    chatId: string,
    senderId: string,
    limit: number,
    after?: string,
  ): Promise<{ messages: Message[]; next?: string }> {
    const messages: Message[] = [];
    let read = 0;
    const from = after === undefined ? undefined : bucketOf(after);
    for await (const bucket of this.buckets.walk(chatId, from, undefined, true)) {
      const res = await this.db.doc.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: MESSAGES_BY_ID,
          KeyConditionExpression: after ? 'pk = :p AND id > :after' : 'pk = :p',
          FilterExpression: 'senderId = :me',
          ExpressionAttributeValues: {
            ':p': partitionKey(chatId, bucket),
            ':me': senderId,
            ...(after ? { ':after': after } : {}),
          },
          Limit: limit - read,
        }),
      );
      messages.push(...(res.Items ?? []).map(toMessage));
      read += res.ScannedCount ?? 0;
      const next = res.LastEvaluatedKey?.id as string | undefined;
      if (next) return { messages, next };
      if (read >= limit) return { messages, next: lastIdOf(bucket) };
    }
    return { messages };
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
    const from = afterId === undefined ? undefined : bucketOf(afterId);
    for await (const bucket of this.buckets.walk(chatId, from, undefined, true)) {
      let start: Record<string, unknown> | undefined;
      do {
        const res: QueryCommandOutput = await this.db.doc.send(
          new QueryCommand({
            TableName: this.table,
            IndexName: MESSAGES_BY_ID,
            KeyConditionExpression: afterId ? 'pk = :p AND id > :after' : 'pk = :p',
            FilterExpression: 'senderId <> :me AND attribute_not_exists(deleted)',
            ExpressionAttributeValues: {
              ':p': partitionKey(chatId, bucket),
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
      if (count >= cap) break;
    }
    return Math.min(count, cap);
  }

  /** Sets new text on a live message, logged at `pos`; undefined if it was deleted meanwhile. */
  async edit(m: Message, text: string, at: string, pos: string): Promise<Message | undefined> {
    const item = await this.updateLogged(m, pos, {
      UpdateExpression: 'SET #text = :text, updatedAt = :at',
      ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
      ExpressionAttributeNames: { '#text': 'text' },
      ExpressionAttributeValues: { ':text': text, ':at': at, ':id': m.id },
    });
    return item ? toMessage(item) : undefined;
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
    const item = await this.updateLogged(m, pos, {
      UpdateExpression: `REMOVE ${removes} SET deleted = :true, updatedAt = :at`,
      ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
      ExpressionAttributeNames: { '#text': 'text', ...names },
      ExpressionAttributeValues: { ':true': true, ':at': at, ':id': m.id },
    });
    if (!item) return undefined;
    const replies = item.replies instanceof Set ? [...(item.replies as Set<string>)] : [];
    return { message: toMessage(item), replies };
  }

  /**
   * Notes on a live original that `reply` quotes it (by `replyRef`), so that deleting the original
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
          Key: keyOf(original),
          UpdateExpression: 'ADD replies :key',
          ConditionExpression: 'id = :id AND attribute_not_exists(deleted)',
          ExpressionAttributeValues: { ':key': new Set([replyRef(reply)]), ':id': original.id },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  /** The quote in the reply `ref` (see `replyRef`) becomes a tombstone at `pos`; undefined if none is left to change. */
  async tombstoneQuote(chatId: string, ref: string, pos: string): Promise<Message | undefined> {
    const cut = ref.indexOf('|');
    const id = ref.slice(0, cut);
    const sk = ref.slice(cut + 1);
    const item = await this.updateLogged({ chatId, id, key: { pk: partitionOf(chatId, id), sk } }, pos, {
      UpdateExpression: 'SET replyTo.deleted = :true REMOVE replyTo.#text',
      ConditionExpression: 'attribute_exists(replyTo) AND attribute_not_exists(replyTo.deleted)',
      ExpressionAttributeNames: { '#text': 'text' },
      ExpressionAttributeValues: { ':true': true },
    });
    return item ? toMessage(item) : undefined;
  }

  /**
   * Sets (or with null removes) `userId`'s reaction, logged at `pos`. 'same' when it was already
   * so (nothing written), 'deleted' when the message is a tombstone.
   */
  async react(
    m: Message,
    userId: string,
    emoji: string | null,
    pos: string,
  ): Promise<Message | 'same' | 'deleted'> {
    const change =
      emoji === null
        ? { expr: 'REMOVE #r', cond: 'attribute_exists(#r)', values: {} }
        : { expr: 'SET #r = :e', cond: '(attribute_not_exists(#r) OR #r <> :e)', values: { ':e': emoji } };
    const item = await this.updateLogged(m, pos, {
      UpdateExpression: change.expr,
      ConditionExpression: `id = :id AND attribute_not_exists(deleted) AND ${change.cond}`,
      ExpressionAttributeNames: { '#r': reactionAttr(userId) },
      ExpressionAttributeValues: { ...change.values, ':id': m.id },
    });
    if (item) return toMessage(item);
    const now = await this.getById(m.chatId, m.id);
    return now?.deleted ? 'deleted' : 'same';
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
                Key: keyOf(m),
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

  /**
   * Updates a message and logs it at `pos` (a ref item) in one transaction, then reads it back
   * (a transaction returns no values); undefined when the condition failed.
   */
  private async updateLogged(
    m: { chatId: string; id: string } & ({ senderId: string; clientMsgId: string } | { key: MessageKey }),
    pos: string,
    update: {
      UpdateExpression: string;
      ConditionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    },
  ): Promise<MessageItem | undefined> {
    const key = 'key' in m ? m.key : keyOf(m);
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            { Update: { TableName: this.table, Key: key, ...update } },
            { Put: { TableName: this.table, Item: refItem(m.chatId, pos, m.id, key.sk) } },
          ],
        }),
      );
    } catch (err) {
      if (conditionFailedAt(err)) return undefined;
      throw err;
    }
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: key, ConsistentRead: true }),
    );
    return res.Item;
  }
}

type MessageKey = { pk: string; sk: string };
