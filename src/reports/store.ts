import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';

/** A report as kept for moderation: what was reported, and the message's text as it was then. */
export interface ReportRecord {
  id: string;
  reporterId: string;
  reason: string;
  createdAt: string;
  userId?: string;
  chatId?: string;
  messageId?: string;
  /** The reported message's text when it was reported (later edits or deletes do not change it). */
  messageText?: string;
  messageSentAt?: string;
  messageDeleted?: boolean;
  /** The reporter blocked the reported user in the same step. */
  blocked?: boolean;
}

/** Reports in the safety table (db/tables.ts); kept, never expired by TTL. */
export class ReportStore {
  constructor(private readonly db: Db) {}

  async put(r: ReportRecord): Promise<void> {
    await this.db.doc.send(
      new PutCommand({
        TableName: this.db.tables.safety,
        Item: { pk: `report#${r.id}`, sk: 'report', ...r },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
}
