import { AuthService } from './auth/service.js';
import { SessionGuard } from './auth/session-guard.js';
import { SessionStore } from './auth/store.js';
import { AccessTokens } from './auth/tokens.js';
import { ActivityTracker } from './chats/activity.js';
import { ChatService } from './chats/service.js';
import { ChatStore } from './chats/store.js';
import type { Config } from './config.js';
import type { Db } from './db/client.js';
import { defaultInboxOptions, Inbox, type InboxOptions } from './feed/inbox.js';
import { defaultFeedOptions, type FeedOptions, FeedService } from './feed/service.js';
import { FeedStore } from './feed/store.js';
import { SyncTokens } from './feed/token.js';
import { defaultLimits, type Limits } from './lib/limits.js';
import type { Logger } from './lib/logger.js';
import { MessageService } from './messages/service.js';
import { MessageStore } from './messages/store.js';
import { defaultWriterOptions, MessageWriter, memberKey, type WriterOptions } from './messages/writer.js';
import { type FanoutBus, LocalBus } from './realtime/bus.js';
import { UserService } from './users/service.js';
import { UserStore } from './users/store.js';

export interface Services {
  tokens: AccessTokens;
  /** Whether an access token's session is still live. */
  sessions: SessionGuard;
  auth: AuthService;
  users: UserService;
  chats: ChatService;
  messages: MessageService;
  feed: FeedService;
  writer: MessageWriter;
  bus: FanoutBus;
  limits: Limits;
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
}

/** The domain layer, shared by the HTTP routes and the WebSocket hub. */
export function createServices(deps: ServiceDeps): Services {
  const limits = { ...defaultLimits, ...deps.limits };
  const bus = deps.bus ?? new LocalBus((err) => deps.logger?.error({ err }, 'event handler failed'));
  const userStore = new UserStore(deps.db);
  const chatStore = new ChatStore(deps.db);
  const messageStore = new MessageStore(deps.db);
  const tokens = new AccessTokens(deps.config.jwtSecret);
  const sessionStore = new SessionStore(deps.db);
  const sessions = new SessionGuard(sessionStore);
  bus.subscribe((e) => {
    if (e.type === 'sessions_ended') sessions.ended(e.sessionIds);
  });
  const auth = new AuthService({
    users: userStore,
    sessions: sessionStore,
    tokens,
    bcryptRounds: deps.config.bcryptRounds,
    limits,
    onSessionsEnded: (e) => bus.publish(e),
  });
  const activity = new ActivityTracker(deps.db, chatStore, deps.logger);
  const feedStore = new FeedStore(deps.db);
  const inbox = new Inbox(
    feedStore,
    async (chatId) => (await chatStore.listMembers(chatId)).map((m) => m.userId),
    { ...defaultInboxOptions, ...deps.inbox },
  );
  const writer = new MessageWriter(
    messageStore,
    {
      beforeWrite: (chatIds) => inbox.coverAll(chatIds),
      // One batched read per batch, not per message: membership is checked where it is durable.
      nonMembers: async (drafts) => {
        const pairs = drafts.map((d) => ({ chatId: d.chatId, userId: d.senderId }));
        const members = await chatStore.membershipsOf(pairs);
        return new Set(drafts.map(memberKey).filter((k) => !members.has(k)));
      },
      onCommitted: (message, origin) => {
        const { chatId, id: pos } = message;
        bus.publish({ type: 'message', chatId, pos, message, ...(origin ? { origin } : {}) });
        activity.note(message);
      },
    },
    { ...defaultWriterOptions, ...deps.writer },
  );
  const chats = new ChatService(chatStore, messageStore, userStore, bus, limits, inbox, activity);
  const feed = new FeedService(feedStore, chatStore, new SyncTokens(deps.config.jwtSecret), inbox, {
    ...defaultFeedOptions,
    ...deps.feed,
  });
  return {
    tokens,
    sessions,
    auth,
    users: new UserService(userStore),
    chats,
    messages: new MessageService(chats, messageStore, writer, bus, inbox),
    feed,
    writer,
    bus,
    limits,
    async close() {
      await writer.drain();
      await activity.close();
      auth.close();
      await bus.close();
    },
  };
}
