import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { USERS_BY_USERNAME } from '../db/tables.js';

export interface UserSummary {
  id: string;
  userName: string;
  displayName?: string;
  createdAt: string;
}

export interface UserRecord extends UserSummary {
  email: string;
  passwordHash: string;
  /** false: push notifications leave out message text. Unset means true. */
  pushPreviews?: boolean;
}

/** Thrown when an email or userName is already taken; the service maps it to one 409. */
export class TakenError extends Error {
  override name = 'TakenError';
  constructor(readonly field: 'email' | 'userName') {
    super(`${field} is taken`);
  }
}

const userKey = (id: string) => `user#${id}`;
const emailKey = (email: string) => `email#${email}`;
const userNameKey = (userName: string) => `uname#${userName.toLowerCase()}`;
const bucket = (lower: string) => lower.slice(0, 1);

export class UserStore {
  /** Told after this instance changed a user's name or previews setting (push forgets its copy). */
  changed?: (userId: string) => void;

  constructor(private readonly db: Db) {}

  private get table() {
    return this.db.tables.users;
  }

  /** The user and both uniqueness guards in one transaction: all three exist or none does. */
  async create(user: UserRecord): Promise<void> {
    const lower = user.userName.toLowerCase();
    const guard = { ConditionExpression: 'attribute_not_exists(pk)', TableName: this.table };
    try {
      await this.db.doc.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                ...guard,
                Item: { pk: userKey(user.id), ...user, userNameLower: lower, unBucket: bucket(lower) },
              },
            },
            { Put: { ...guard, Item: { pk: emailKey(user.email), userId: user.id } } },
            { Put: { ...guard, Item: { pk: userNameKey(user.userName), userId: user.id } } },
          ],
        }),
      );
    } catch (err) {
      throw takenFrom(err, [undefined, 'email', 'userName']) ?? err;
    }
  }

  async getById(id: string): Promise<UserRecord | undefined> {
    const res = await this.db.doc.send(new GetCommand({ TableName: this.table, Key: { pk: userKey(id) } }));
    return res.Item ? toRecord(res.Item) : undefined;
  }

  async getByEmail(email: string): Promise<UserRecord | undefined> {
    const guard = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { pk: emailKey(email) }, ConsistentRead: true }),
    );
    const userId = guard.Item?.userId as string | undefined;
    return userId ? this.getById(userId) : undefined;
  }

  /** Who holds this userName (case-insensitive), from its uniqueness guard: one read. */
  async userNameOwner(userName: string): Promise<string | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { pk: userNameKey(userName) }, ConsistentRead: true }),
    );
    return res.Item?.userId as string | undefined;
  }

  /**
   * Deletes the profile and both uniqueness guards in one transaction, so the email and the
   * userName are free again at once. A guard that already points at someone else is left alone.
   */
  /**
   * Sets the user's password hash (auth's password change, reset and re-hash). With `expected`,
   * only if the stored hash is still that one (a re-hash must not undo a password change that
   * landed meanwhile); returns whether it was set.
   */
  async setPasswordHash(userId: string, hash: string, expected?: string): Promise<boolean> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: userKey(userId) },
          UpdateExpression: 'SET passwordHash = :h',
          ConditionExpression:
            expected === undefined ? 'attribute_exists(pk)' : 'attribute_exists(pk) AND passwordHash = :old',
          ExpressionAttributeValues: { ':h': hash, ...(expected === undefined ? {} : { ':old': expected }) },
        }),
      );
      return true;
    } catch (err) {
      if (err instanceof ConditionalCheckFailedException) return false;
      throw err;
    }
  }

  async delete(user: UserRecord): Promise<void> {
    const mine = {
      ConditionExpression: 'attribute_not_exists(pk) OR userId = :me',
      ExpressionAttributeValues: { ':me': user.id },
    };
    await this.db.doc.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: this.table, Key: { pk: userKey(user.id) } } },
          { Delete: { TableName: this.table, Key: { pk: emailKey(user.email) }, ...mine } },
          { Delete: { TableName: this.table, Key: { pk: userNameKey(user.userName) }, ...mine } },
        ],
      }),
    );
  }

  /** Users by id, in no particular order; unknown ids are skipped. */
  async getMany(ids: readonly string[]): Promise<UserRecord[]> {
    const keys = [...new Set(ids)].map((id) => ({ pk: userKey(id) }));
    return (await batchGetAll(this.db.doc, this.table, keys)).map(toRecord);
  }

  /** userName prefix search (case-insensitive), in userName order. */
  async searchByUserNamePrefix(prefix: string, limit: number): Promise<UserSummary[]> {
    const lower = prefix.toLowerCase();
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: USERS_BY_USERNAME,
        KeyConditionExpression: 'unBucket = :b AND begins_with(userNameLower, :p)',
        ExpressionAttributeValues: { ':b': bucket(lower), ':p': lower },
        Limit: limit,
      }),
    );
    return (res.Items ?? []).map(toSummary);
  }

  /** Whether push notifications may show message text. */
  async setPushPreviews(userId: string, on: boolean): Promise<void> {
    await this.db.doc.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: userKey(userId) },
        UpdateExpression: 'SET pushPreviews = :p',
        ConditionExpression: 'attribute_exists(pk)',
        ExpressionAttributeValues: { ':p': on },
      }),
    );
    this.changed?.(userId);
  }

  /** Renames (moving the uniqueness guard in the same transaction) and/or sets displayName. */
  async updateProfile(
    current: UserRecord,
    patch: { userName?: string; displayName?: string },
  ): Promise<UserRecord> {
    const next = { ...current, ...patch };
    const lower = next.userName.toLowerCase();
    const renaming = patch.userName !== undefined && lower !== current.userName.toLowerCase();
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      {
        Update: {
          TableName: this.table,
          Key: { pk: userKey(current.id) },
          UpdateExpression: 'SET userName = :u, userNameLower = :l, unBucket = :b, displayName = :d',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: {
            ':u': next.userName,
            ':l': lower,
            ':b': bucket(lower),
            ':d': next.displayName ?? null,
          },
        },
      },
    ];
    if (renaming) {
      items.push(
        {
          Put: {
            TableName: this.table,
            Item: { pk: userNameKey(next.userName), userId: current.id },
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Delete: {
            TableName: this.table,
            Key: { pk: userNameKey(current.userName) },
            ConditionExpression: 'userId = :me',
            ExpressionAttributeValues: { ':me': current.id },
          },
        },
      );
    }
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (err) {
      throw takenFrom(err, [undefined, 'userName', undefined]) ?? err;
    }
    this.changed?.(current.id);
    return next;
  }
}

/** Maps a cancelled transaction's first failed condition to the field it guards. */
function takenFrom(err: unknown, fields: ('email' | 'userName' | undefined)[]): TakenError | undefined {
  if (!(err instanceof TransactionCanceledException)) return undefined;
  const reasons = err.CancellationReasons ?? [];
  const i = reasons.findIndex((r) => r.Code === 'ConditionalCheckFailed');
  const field = i >= 0 ? fields[i] : undefined;
  return field ? new TakenError(field) : undefined;
}

function toSummary(item: Record<string, unknown>): UserSummary {
  return {
    id: item.id as string,
    userName: item.userName as string,
    ...(typeof item.displayName === 'string' ? { displayName: item.displayName } : {}),
    createdAt: item.createdAt as string,
  };
}

function toRecord(item: Record<string, unknown>): UserRecord {
  return {
    ...toSummary(item),
    email: item.email as string,
    passwordHash: item.passwordHash as string,
    ...(item.pushPreviews === false ? { pushPreviews: false } : {}),
  };
}
