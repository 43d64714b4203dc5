import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

// Table and key design, one table per feature. Each access pattern is listed next to the key
// that serves it; uniqueness always comes from conditional writes, never read-then-write.

export interface TableNames {
  users: string;
  sessions: string;
  chats: string;
  messages: string;
  feed: string;
  safety: string;
}

export const tableNames = (prefix: string): TableNames => ({
  users: `${prefix}users`,
  sessions: `${prefix}sessions`,
  chats: `${prefix}chats`,
  // A new name: the key schema changed from the old `messages` table (README: migration).
  messages: `${prefix}history`,
  feed: `${prefix}feed`,
  safety: `${prefix}safety`,
});

export const USERS_BY_USERNAME = 'byUserName';
export const SESSIONS_BY_USER = 'byUser';
export const CHATS_BY_MEMBER = 'byMember';
export const MESSAGES_BY_ID = 'byId';
export const FEED_BY_ACTIVITY = 'byActivity';

/** Attribute DynamoDB's TTL deletes expired items by (epoch seconds). */
export const TTL_ATTRIBUTE = 'expiresAt';

export interface TableDefinition {
  input: CreateTableCommandInput;
  ttlAttribute?: string;
}

export function tableDefinitions(names: TableNames): TableDefinition[] {
  return [
    {
      // Users
      //   user by id ............ pk = "user#<id>"
      //   user by email (unique)  pk = "email#<normalized email>" → userId (guard item, written in one transaction with the user)
      //   userName unique ....... pk = "uname#<lower-case userName>" → userId (guard item)
      //   userName prefix search  GSI byUserName: unBucket = first character, userNameLower begins_with(prefix)
      input: {
        TableName: names.users,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'unBucket', AttributeType: 'S' },
          { AttributeName: 'userNameLower', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: USERS_BY_USERNAME,
            KeySchema: [
              { AttributeName: 'unBucket', KeyType: 'HASH' },
              { AttributeName: 'userNameLower', KeyType: 'RANGE' },
            ],
            Projection: {
              ProjectionType: 'INCLUDE',
              NonKeyAttributes: ['id', 'userName', 'displayName', 'createdAt'],
            },
          },
        ],
      },
    },
    {
      // Sessions (refresh tokens), expired by TTL
      //   token by hash ......... pk = "rt#<sha256(token)>" → userId, familyId, usedAt?, nextSealed? (the
      //                           successor, sealed with the token, for the 10 s refresh grace window)
      //   token family .......... pk = "fam#<familyId>" → revoked? (reuse of a rotated token revokes the
      //                           family), label, createdAt, lastUsedAt
      //   sessions of a user .... GSI byUser: familyUserId = userId (set only on family items)
      //   password reset ........ pk = "reset#<sha256(token)>" → userId; deleted when used (single use),
      //                           expiresAt 30 min on, checked on use as TTL deletes late
      input: {
        TableName: names.sessions,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'familyUserId', AttributeType: 'S' },
        ],
        KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
        GlobalSecondaryIndexes: [
          {
            IndexName: SESSIONS_BY_USER,
            KeySchema: [{ AttributeName: 'familyUserId', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
      ttlAttribute: TTL_ATTRIBUTE,
    },
    {
      // Chats
      //   chat by id ............ chatId, sk = "meta" (type, name, settings, memberCount, memberIds: string set)
      //   members of a chat ..... chatId, sk begins_with "member#" (role, lastReadId, readCount), or
      //                           BatchGet by the meta's memberIds (chat lists: no query per chat)
      //   last activity ......... chatId, sk = "activity" (lastMessage, msgCount; flushed at most once a
      //                           second per chat by chats/activity.ts). Unread = msgCount − my readCount
      //   chats of a user ....... GSI byMember: memberId = userId (member items only)
      //   one direct chat a pair  chatId derived from the pair, created with attribute_not_exists
      input: {
        TableName: names.chats,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'chatId', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'memberId', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'chatId', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        GlobalSecondaryIndexes: [
          {
            IndexName: CHATS_BY_MEMBER,
            KeySchema: [
              { AttributeName: 'memberId', KeyType: 'HASH' },
              { AttributeName: 'chatId', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
    },
    {
      // Messages, and each chat's change log, in time buckets (messages/buckets.ts): each bucket
      // of a chat is one partition, pk = "<chatId>#<bucket>" (bucket = floor(time / MESSAGE_BUCKET_SECONDS),
      // 12 digits), so one LSI item collection holds one bucket, not a whole chat: 10 GB per bucket
      // (with 1-day buckets a chat would need ~115 KB/s all day long to reach it).
      //   idempotent send ....... pk = bucket of the message's id, sk = "<senderId>#<clientMsgId>": a
      //                           resend finds the original with one BatchGet over the chat's buckets
      //                           of the last 30 days (the feed's retention), so it is recognised for 30 days
      //   history in chat order . LSI byId: pk, id (ULID) — local, so reads are strongly consistent;
      //                           sparse: only messages carry an id
      //   message by id ......... LSI byId: pk = bucket of the id, id = <id>
      //   changes after a point . new messages by id (byId), every other change by position in the base
      //                           table: sk = "~<pos>" at pk = bucket of pos. Renames, members, read
      //                           markers hold their changes; edits, deletes and reactions are refs
      //                           ({ref: message id, refKey: its sk}) written in one transaction with
      //                           the message's update, resolved on read to its current state. Expired
      //                           by TTL after the feed's retention.
      //   non-empty buckets ..... pk = "<chatId>#b", sk = bucket: written (cached per instance) before the
      //                           first entry of a bucket, so paging and sync skip empty buckets
      input: {
        TableName: names.messages,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'id', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: MESSAGES_BY_ID,
            KeySchema: [
              { AttributeName: 'pk', KeyType: 'HASH' },
              { AttributeName: 'id', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'ALL' },
          },
        ],
      },
      ttlAttribute: TTL_ATTRIBUTE,
    },
    {
      // Feed: per user, which chats may have changed in which minute (see src/feed/inbox.ts)
      //   chats changed since T . sk between "t#<minute of T>" and "t#~": rows sk = "t#<minute>#<chatId>",
      //                           one per member per chat per minute with changes; plain puts (a repeat
      //                           is the same item), no index; expired by TTL after the feed's retention
      //   chats by activity ..... LSI byActivity: userId, activityAt (rows sk = "a#<chatId>"), newest first:
      //                           a chat list page is one query (written on create/join and by the activity
      //                           tracker's flush, deleted on leave; see chats/list-store.ts)
      //   my chat settings ..... sk = "s#<chatId>" (mutedUntil, archived, pinned; chats/settings-store.ts)
      //   my push devices ...... sk = "dev#<hash of endpoint/token>", and "devcount" (n, capped by a
      //                           condition in the same transaction; devices/store.ts)
      input: {
        TableName: names.feed,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'userId', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
          { AttributeName: 'activityAt', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'userId', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: [
          {
            IndexName: FEED_BY_ACTIVITY,
            KeySchema: [
              { AttributeName: 'userId', KeyType: 'HASH' },
              { AttributeName: 'activityAt', KeyType: 'RANGE' },
            ],
            Projection: { ProjectionType: 'KEYS_ONLY' },
          },
        ],
      },
      ttlAttribute: TTL_ATTRIBUTE,
    },
    {
      // Safety and privacy (src/privacy, src/invitations, src/invites, src/reports)
      //   my settings and blocks  pk = "user#<id>", sk = "privacy" (lastSeen, readReceipts, groupAdd,
      //                           blocked: ids I blocked, blockedBy: ids who blocked me; string sets,
      //                           both sides written in one transaction)
      //   my invitations ........ pk = "user#<id>", sk begins_with "inv#" (chatId, invitedBy, expiresAt:
      //                           TTL, also checked on read as TTL deletes late)
      //   invite link by code ... pk = "link#<code>", sk = "link" (chatId, createdBy, expiresAt? TTL)
      //   a chat's invite links . pk = "chat#<chatId>", sk begins_with "link#<code>" (written with the link)
      //   a chat's join requests  pk = "chat#<chatId>", sk begins_with "req#<userId>"
      //   reports ............... pk = "report#<id>", sk = "report" (kept for moderation, no TTL)
      input: {
        TableName: names.safety,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'pk', AttributeType: 'S' },
          { AttributeName: 'sk', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'pk', KeyType: 'HASH' },
          { AttributeName: 'sk', KeyType: 'RANGE' },
        ],
      },
      ttlAttribute: TTL_ATTRIBUTE,
    },
  ];
}
