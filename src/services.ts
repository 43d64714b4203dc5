import type { AccountService } from './auth/account-service.js';
import { createAuth } from './auth/index.js';
import type { AuthService } from './auth/service.js';
import { SessionGuard } from './auth/session-guard.js';
import { SessionStore } from './auth/store.js';
import { AccessTokens } from './auth/tokens.js';
import { ActivityTracker } from './chats/activity.js';
import { MembershipCache } from './chats/membership-cache.js';
import { ChatService } from './chats/service.js';
import { ChatSettingsService } from './chats/settings.js';
import { ChatSettingsStore } from './chats/settings-store.js';
import { ChatStore } from './chats/store.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { DeviceService } from './devices/service.js';
import { DeviceStore } from './devices/store.js';
import { defaultInboxOptions, Inbox, type InboxOptions } from './feed/inbox.js';
import { isDirectChatId } from './feed/personal.js';
import { defaultFeedOptions, type FeedOptions, FeedService } from './feed/service.js';
import { FeedStore } from './feed/store.js';
import { SyncTokens } from './feed/token.js';
import { InvitationService } from './invitations/service.js';
import { InvitationStore } from './invitations/store.js';
import { JoinRequestNotices } from './invites/notices.js';
import { InviteService } from './invites/service.js';
import { InviteStore } from './invites/store.js';
import { defaultLimits, type Limits } from './lib/limits.js';
import { createLogger, type Logger } from './lib/logger.js';
import { RateLimiter } from './lib/rate-limit.js';
import { createMailer, type Mailer } from './mail/index.js';
import { setBucketSeconds } from './messages/buckets.js';
import { RECEIPT_LOG_PAGES } from './messages/receipts.js';
import { blockedIn, MessageService } from './messages/service.js';
import { MessageStore } from './messages/store.js';
import { defaultWriterOptions, MessageWriter, memberKey, type WriterOptions } from './messages/writer.js';
import { createMetrics, type Metrics } from './metrics/registry.js';
import { PrivacyService } from './privacy/service.js';
import { PrivacyStore } from './privacy/store.js';
import { createPush, type PushService } from './push/index.js';
import type { PushOptions } from './push/service.js';
import { type FanoutBus, LocalBus } from './realtime/bus.js';
import type { PresenceStore } from './realtime/presence.js';
import { ReportService } from './reports/service.js';
import { ReportStore } from './reports/store.js';
import { DataExport } from './users/export.js';
import { UserService } from './users/service.js';
import { UserStore } from './users/store.js';

export interface Services {
  tokens: AccessTokens;
  /** Whether an access token's session is still live. */
  sessions: SessionGuard;
  auth: AuthService;
  /** Password change and reset, listing and ending sessions. */
  account: AccountService;
  users: UserService;
  /** GET /v1/users/me/export: my data as one streamed JSON document. */
  dataExport: DataExport;
  chats: ChatService;
  messages: MessageService;
  feed: FeedService;
  writer: MessageWriter;
  bus: FanoutBus;
  limits: Limits;
  /** Sends per user, spent by REST and WebSocket alike: one budget however a message arrives. */
  sends: RateLimiter;
  /** GET /v1/sync per user. */
  syncs: RateLimiter;
  /** Counters and histograms, scraped on the metrics listener (metrics/). */
  metrics: Metrics;
  /** Blocks and privacy settings (src/privacy). */
  privacy: PrivacyService;
  /** Consent to group adds: invitations for people who accept adds from nobody. */
  invitations: InvitationService;
  /** Invite links and join requests (src/invites). */
  invites: InviteService;
  /** Reports for moderation (src/reports). */
  reports: ReportService;
  /** Push targets of a user (POST/GET/DELETE /v1/devices). */
  devices: DeviceService;
  /** A member's own mute / archive / pin of a chat. */
  chatSettings: ChatSettingsService;
  /** Present when a push provider is configured and presence is known (a running server). */
  push?: PushService;
  /** The VAPID public key browsers subscribe with, when Web Push is configured. */
  vapidPublicKey?: string;
  /** Finishes pending message writes, then releases timers and the bus. */
  close(): Promise<void>;
}

export interface ServiceDeps {
  config: Config;
  db: Db;
  bus?: FanoutBus;
  limits?: Partial<Limits>;
  writer?: Partial<WriterOptions>;
  feed?: Partial<FeedOptions>;
  inbox?: Partial<InboxOptions>;
  logger?: Logger;
  /** Defaults to the configured one (SES, or a dev/test sink). */
  mailer?: Mailer;
  /** Defaults to a fresh registry of its own. */
  metrics?: Metrics;
  /** Who is online on any instance: push notifications go only to members who are not. Without it, no push. */
  presence?: PresenceStore;
  push?: Partial<PushOptions>;
}

/** Keys (writer's memberKey) of drafts in a direct chat whose other member blocked the sender. */
async function blockedDrafts(
  privacy: PrivacyService,
  drafts: readonly { chatId: string; senderId: string }[],
): Promise<string[]> {
  // A loop, not `filter`: most sends go to groups, and that path makes no array (see outsiders()).
  let direct: (typeof drafts)[number][] | undefined;
  for (const d of drafts) {
    if (!isDirectChatId(d.chatId)) continue;
    direct ??= [];
    direct.push(d);
  }
  if (direct === undefined) return [];
  const states = await privacy.states(direct.map((d) => d.senderId));
  return direct
    .filter((d) => blockedIn(d.chatId, d.senderId, states.get(d.senderId)?.blockedBy ?? new Set()))
    .map(memberKey);
}

/** The domain layer, shared by the HTTP routes and the WebSocket hub. */
export function createServices(deps: ServiceDeps): Services {
  const limits = { ...defaultLimits, ...deps.limits };
  const metrics = deps.metrics ?? createMetrics({ defaults: false });
  const bus = deps.bus ?? new LocalBus((err) => deps.logger?.error({ err }, 'event handler failed'));
  const userStore = new UserStore(deps.db);
  const chatStore = new ChatStore(deps.db);
  setBucketSeconds(deps.config.messageBucketSeconds);
  const messageStore = new MessageStore(deps.db);
  const tokens = new AccessTokens(deps.config.jwtSecret);
  const sessionStore = new SessionStore(deps.db);
  const sessions = new SessionGuard(sessionStore);
  bus.subscribe((e) => {
    if (e.type === 'sessions_ended') sessions.ended(e.sessionIds);
  });
  const logger = deps.logger ?? createLogger({ level: 'silent', pretty: false });
  const {
    auth,
    account,
    verifyPassword,
    close: closeAuth,
  } = createAuth({
    db: deps.db,
    sessions: sessionStore,
    tokens,
    bcryptRounds: deps.config.bcryptRounds,
    limits,
    mailer: deps.mailer ?? createMailer(deps.config, logger),
    appUrl: deps.config.appUrl,
    onSessionsEnded: (e) => bus.publish(e),
    logger,
  });
  const activity = new ActivityTracker(chatStore, deps.logger);
  const feedStore = new FeedStore(deps.db);
  const inbox = new Inbox(
    feedStore,
    async (chatId) => (await chatStore.listMembers(chatId)).map((m) => m.userId),
    { ...defaultInboxOptions, ...deps.inbox },
    (chatId, marginMs) => messageStore.buckets.cover([chatId], marginMs),
  );
  // Checked where it is durable, remembered until a removal (or a bus gap) says otherwise.
  const membership = new MembershipCache(chatStore, () => bus.healthy());
  bus.subscribe((e) => {
    if (e.type === 'member_removed') membership.forget(e.chatId, e.userId);
  });
  bus.onRecovered(() => membership.clear());
  const writer = new MessageWriter(
    messageStore,
    {
      beforeWrite: (chatIds) => inbox.coverAll(chatIds),
      // One batched read per batch, not per message: membership is checked where it is durable.
      // So is a block (sockets check their own copy first; this catches one a bus outage kept from them).
      nonMembers: async (drafts) => {
        const [outsiders, blocked] = await Promise.all([
          membership.outsiders(drafts.map((d) => ({ chatId: d.chatId, userId: d.senderId }))),
          blockedDrafts(privacy, drafts),
        ]);
        for (const k of blocked) outsiders.add(k);
        return outsiders;
      },
      onCommitted: (message, origin) => {
        const { chatId, id: pos } = message;
        bus.publish({ type: 'message', chatId, pos, message, ...(origin ? { origin } : {}) });
      },
      // Only the instance that stored a message counts and pushes it: once, however many instances.
      onCreated: (message) => {
        activity.note(message);
        push?.enqueue(message);
      },
    },
    { ...defaultWriterOptions, maxDelayMs: deps.config.writerMaxDelayMs, ...deps.writer },
    metrics,
  );
  metrics.sample('writerQueue', () => writer.queued);
  const settingsStore = new ChatSettingsStore(deps.db);
  const deviceStore = new DeviceStore(deps.db);
  const privacy = new PrivacyService({
    store: new PrivacyStore(deps.db),
    users: userStore,
    bus,
    inbox,
    maxBlocks: limits.maxBlocks,
  });
  // Another instance's change: forget the users it concerns (this instance's own forget already).
  bus.subscribe((e) => {
    if (e.type === 'block_updated') privacy.cache.forget(e.userId, e.targetId);
    if (e.type === 'privacy_updated') privacy.cache.forget(e.userId);
  });
  bus.onRecovered(() => privacy.cache.clear());
  const invitationSends = new RateLimiter(limits.invitationsPerUser);
  const invitations = new InvitationService({
    store: new InvitationStore(deps.db),
    chats: chatStore,
    admission: () => chats.admission,
    privacy,
    inbox,
    bus,
    sends: invitationSends,
  });
  const chats = new ChatService(
    chatStore,
    messageStore,
    userStore,
    bus,
    limits,
    inbox,
    activity,
    { consent: invitations, privacy },
    settingsStore,
  );
  const presence = deps.presence;
  const push: PushService | undefined = presence
    ? createPush(
        deps.config.push,
        {
          membersOf: async (chatId) => (await chatStore.listMembers(chatId)).map((m) => m.userId),
          lastOnline: (ids) => presence.lastOnline(ids),
          devicesOf: (userId) => deviceStore.list(userId),
          settingsOf: (pairs) => settingsStore.among(pairs),
          profiles: async (ids) =>
            (await userStore.getMany(ids)).map((u) => ({
              id: u.id,
              name: u.displayName ?? u.userName,
              previews: u.pushPreviews !== false,
            })),
          totalUnread: (userId) => chats.totalUnread(userId),
          removeDevice: (d) => deviceStore.removeTarget(d.userId, d.targetKey),
        },
        logger,
        deps.push,
        () => bus.healthy(),
      )
    : undefined;
  // Push's cached reads: this instance's own changes are forgotten at once, any instance's bus
  // events too; what has no bus event (devices, names) is bounded by its TTL (push/lookups.ts).
  const lookups = push?.lookups;
  if (lookups) {
    deviceStore.changed = (userId) => lookups.forgetDevices(userId);
    userStore.changed = (userId) => lookups.forgetProfile(userId);
    bus.subscribe((e) => {
      if (e.type === 'member_added' || e.type === 'member_removed') lookups.forgetMembers(e.chatId);
      if (e.type === 'chat_settings') lookups.forgetSettings(e.chatId, e.userId);
      if (e.type === 'read' || e.type === 'member_removed') lookups.forgetBadge(e.userId);
    });
    bus.onRecovered(() => lookups.clear());
  }
  const feed = new FeedService(
    feedStore,
    chatStore,
    new SyncTokens(deps.config.jwtSecret),
    inbox,
    { ...defaultFeedOptions, ...deps.feed },
    privacy,
  );
  const users = new UserService({
    users: userStore,
    limits,
    sharesChat: (a, b) => chats.sharesChat(a, b),
    verifyPassword,
    removeFromChats: (userId) => chats.removeDeletedUser(userId),
    endAllSessions: (userId, current) => account.endAllSessions(userId, current),
    removeDevices: (userId) => deviceStore.removeAll(userId),
    privacy,
  });
  const inviteLookups = new RateLimiter(limits.inviteLookupsPerUser);
  const invites = new InviteService({
    store: new InviteStore(deps.db),
    chats: chatStore,
    admission: () => chats.admission,
    users: userStore,
    lookups: inviteLookups,
    appUrl: deps.config.appUrl,
    notices: new JoinRequestNotices({ chats: chatStore, inbox, bus }),
  });
  const reportLimiter = new RateLimiter(limits.reportsPerUser);
  const reports = new ReportService({
    store: new ReportStore(deps.db),
    chats,
    messages: messageStore,
    users: userStore,
    privacy,
    limiter: reportLimiter,
  });
  const sends = new RateLimiter(limits.sendsPerUser);
  const syncs = new RateLimiter(limits.syncsPerUser);
  return {
    tokens,
    sessions,
    auth,
    account,
    users,
    dataExport: new DataExport({
      users: userStore,
      chatsOf: (userId) => chats.summariesOf(userId),
      ownMessages: (chatId, senderId, limit, after) =>
        messageStore.pageBySender(chatId, senderId, limit, after),
      pageSize: limits.pageMaxSize,
      privacyOf: async (userId) => {
        const s = await privacy.state(userId);
        const settings = { lastSeen: s.lastSeen, readReceipts: s.readReceipts, groupAdd: s.groupAdd };
        return { ...settings, blocked: [...s.blocked].sort() };
      },
    }),
    chats,
    devices: new DeviceService(deviceStore, deps.config.push),
    chatSettings: new ChatSettingsService(settingsStore, inbox, bus, (chatId, userId) =>
      chats.requireMember(chatId, userId),
    ),
    ...(push ? { push } : {}),
    ...(deps.config.push.webPush ? { vapidPublicKey: deps.config.push.webPush.publicKey } : {}),
    messages: new MessageService(
      chats,
      messageStore,
      writer,
      bus,
      inbox,
      {
        editWindowMs: deps.config.editWindowSeconds * 1000,
        deleteWindowMs: deps.config.deleteWindowSeconds * 1000,
      },
      (chatId, after) => feedStore.changesAfter(chatId, after, RECEIPT_LOG_PAGES),
      privacy,
    ),
    feed,
    writer,
    bus,
    limits,
    sends,
    syncs,
    metrics,
    privacy,
    invitations,
    invites,
    reports,
    async close() {
      reportLimiter.close();
      invitationSends.close();
      inviteLookups.close();
      sends.close();
      syncs.close();
      users.close();
      await writer.drain();
      await push?.close();
      await activity.close();
      await account.settled();
      closeAuth();
      await bus.close();
    },
  };
}
