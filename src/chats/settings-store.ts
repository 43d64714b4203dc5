import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, type QueryCommandOutput, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { memberSk } from './items.js';
import type { ChatSettings } from './schemas.js';
import { ConditionFailed, type LogItem } from './store.js';

// Per-user chat settings, in the user's partition of the feed table (see db/tables.ts):
//   settings of one chat .. userId, sk = "s#<chatId>" (mutedUntil?, archived?, pinned?)
//   all of a user's ...... sk begins_with "s#": one Query, only chats the user ever set
// A user's partition, not the member item: a chat list page needs all pinned and archived
// chats at once, which a member item (one per chat, spread over chats) cannot give in one read.

export const DEFAULT_SETTINGS: ChatSettings = { mutedUntil: null, archived: false, pinned: false };

const sk = (chatId: string) => `s#${chatId}`;

export class ChatSettingsStore {
  constructor(private readonly db: Db) {}

  /** Every chat this user has settings for. */
  async all(userId: string): Promise<Map<string, ChatSettings>> {
    const out = new Map<string, ChatSettings>();
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.feed,
          KeyConditionExpression: 'userId = :u AND begins_with(sk, :p)',
          ExpressionAttributeValues: { ':u': userId, ':p': 's#' },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const i of res.Items ?? []) out.set((i.sk as string).slice(2), toSettings(i));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Settings of these (user, chat) pairs; pairs with none are left out. Key: "<chatId>|<userId>". */
  async among(pairs: readonly { userId: string; chatId: string }[]): Promise<Map<string, ChatSettings>> {
    const unique = new Map(
      pairs.map((p) => [`${p.chatId}|${p.userId}`, { userId: p.userId, sk: sk(p.chatId) }]),
    );
    const items = await batchGetAll(this.db.doc, this.db.tables.feed, [...unique.values()], true);
    return new Map(items.map((i) => [`${(i.sk as string).slice(2)}|${i.userId as string}`, toSettings(i)]));
  }

  /**
   * Writes the user's settings for the chat with their change-log item, on condition that they
   * are a member (ConditionFailed otherwise).
   */
  async put(chatId: string, userId: string, settings: ChatSettings, log: LogItem): Promise<void> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              ConditionCheck: {
                TableName: this.db.tables.chats,
                Key: { chatId, sk: memberSk(userId) },
                ConditionExpression: 'attribute_exists(chatId)',
              },
            },
            {
              Put: {
                TableName: this.db.tables.feed,
                Item: { userId, sk: sk(chatId), ...settings, updatedAt: new Date().toISOString() },
              },
            },
            { Put: { TableName: this.db.tables.messages, Item: log } },
          ],
        }),
      );
    } catch (err) {
      if (err instanceof TransactionCanceledException)
        throw new ConditionFailed((err.CancellationReasons ?? []).map((r) => r.Code));
      throw err;
    }
  }
}

function toSettings(i: Record<string, unknown>): ChatSettings {
  return {
    mutedUntil: typeof i.mutedUntil === 'string' ? i.mutedUntil : null,
    archived: i.archived === true,
    pinned: i.pinned === true,
  };
}

/** Whether the chat is muted at `now` (a mute ends by itself at mutedUntil). */
export const isMuted = (s: ChatSettings | undefined, now = Date.now()) =>
  s?.mutedUntil != null && Date.parse(s.mutedUntil) > now;
