import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import type { Invitation } from './schemas.js';

type LogItem = Record<string, unknown>;

const pk = (userId: string) => `user#${userId}`;
// One invitation per group and invitee: inviting again replaces it (a fresh expiry, no pile-up).
const sk = (chatId: string) => `inv#${chatId}`;

/** Invitations in the safety table (db/tables.ts), each written with its log item in the invitee's personal log. */
export class InvitationStore {
  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.safety;
  }

  async put(userId: string, inv: Invitation, log: LogItem): Promise<void> {
    const item = {
      pk: pk(userId),
      sk: sk(inv.chatId),
      ...inv,
      expiresAt: Math.ceil(Date.parse(inv.expiresAt) / 1000),
      expiresAtIso: inv.expiresAt,
    };
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.table, Item: item } },
          { Put: { TableName: this.db.tables.messages, Item: log } },
        ],
      }),
    );
  }

  /** Every stored invitation of the user, expired ones included (TTL deletes late). */
  async list(userId: string): Promise<Invitation[]> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :inv)',
        ExpressionAttributeValues: { ':pk': pk(userId), ':inv': 'inv#' },
        ConsistentRead: true,
      }),
    );
    return (res.Items ?? []).map(toInvitation);
  }

  /** Deletes it if it is still this one; false when it is gone (answered on another device). */
  async remove(userId: string, inv: Invitation, log: LogItem): Promise<boolean> {
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Delete: {
                TableName: this.table,
                Key: { pk: pk(userId), sk: sk(inv.chatId) },
                ConditionExpression: 'id = :id',
                ExpressionAttributeValues: { ':id': inv.id },
              },
            },
            { Put: { TableName: this.db.tables.messages, Item: log } },
          ],
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof TransactionCanceledException || err instanceof ConditionalCheckFailedException)
        return false;
      throw err;
    }
  }
}

function toInvitation(item: Record<string, unknown>): Invitation {
  return {
    id: item.id as string,
    chatId: item.chatId as string,
    chatName: item.chatName as string,
    invitedBy: item.invitedBy as string,
    expiresAt: item.expiresAtIso as string,
  };
}
