import type { RawData } from 'ws';
import type { ChatService } from '../chats/service.js';
import { AppError } from '../lib/errors.js';
import { RateLimiter } from '../lib/rate-limit.js';
import { blockedIn, type MessageService } from '../messages/service.js';
import type { LabelCounter } from '../metrics/registry.js';
import type { Authenticator } from './authentication.js';
import type { FanoutBus } from './bus.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';
import { reportFailure, reportInvalid } from './error-frames.js';
import { type ClientFrame, parseClientFrame } from './frames.js';
import type { Syncer } from './sync.js';

type Frame<T extends ClientFrame['type']> = Extract<ClientFrame, { type: T }>;

export interface DispatcherDeps {
  auth: Pick<Authenticator, 'authenticate' | 'reauthenticate'>;
  syncer: Pick<Syncer, 'run'>;
  messages: Pick<MessageService, 'sendAsMember' | 'react'>;
  chats: Pick<ChatService, 'markRead' | 'markDelivered'>;
  bus: Pick<FanoutBus, 'publish'>;
  /** Sends per user, shared with REST (services.sends). */
  sends: Pick<RateLimiter, 'take'>;
  /** One typing indicator per user and chat in this interval; 0 lets every one through. */
  typingIntervalMs: number;
  /** Frames received, by type (metrics). */
  framesIn?: LabelCounter;
}

/**
 * What a client's frames do: before authentication only `auth`; while the connection initialises
 * they wait in its bounded queue; once ready each is parsed, checked against its limit and run.
 * A frame that fails is answered with an error frame; invalid ones also count towards 1008.
 */
export class Dispatcher {
  /** Per user and chat, not per connection: a user's ten devices do not type ten times as often. */
  private readonly typing: RateLimiter | undefined;

  constructor(private readonly deps: DispatcherDeps) {
    const typingMs = deps.typingIntervalMs;
    this.typing = typingMs > 0 ? new RateLimiter({ capacity: 1, windowSeconds: typingMs / 1000 }) : undefined;
  }

  /** A WebSocket message, in whatever state the connection is. */
  receive(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.state === 'closed') return;
    if (isBinary) return reportInvalid(conn, 'validation_failed', 'Frames must be JSON text');
    const text = data.toString();
    if (conn.state === 'initialising') {
      if (!conn.enqueue(text)) conn.close(CloseCode.PolicyViolation, 'too many frames before ready');
      return;
    }
    if (conn.state === 'authenticating') {
      const parsed = parseClientFrame(text);
      if (!parsed.ok || parsed.frame.type !== 'auth')
        return conn.close(CloseCode.Unauthorized, 'authenticate first');
      return this.deps.auth.authenticate(conn, parsed.frame.token);
    }
    this.dispatch(conn, text);
  }

  /** Runs one frame of a ready connection (also those queued while it initialised). */
  dispatch(conn: Connection, text: string): void {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return reportInvalid(conn, parsed.code, parsed.message, parsed.ref);
    this.deps.framesIn?.inc(parsed.frame.type);
    try {
      this.handle(conn, parsed.frame);
    } catch (err) {
      reportFailure(conn, err);
    }
  }

  close(): void {
    this.typing?.close();
  }

  private handle(conn: Connection, frame: ClientFrame): void {
    switch (frame.type) {
      case 'auth':
        return this.deps.auth.reauthenticate(conn, frame.token);
      case 'ping':
        return conn.send({ type: 'pong' });
      case 'send':
        return this.onSend(conn, frame);
      case 'sync':
        return this.onSync(conn, frame.since);
      case 'typing':
        return this.onTyping(conn, frame);
      case 'read':
        return this.onRead(conn, frame);
      case 'delivered':
        return this.onDelivered(conn, frame);
      case 'react':
        return this.onReact(conn, frame);
    }
  }

  private onSync(conn: Connection, since: string | undefined): void {
    const start = conn.startSync(since);
    if (start === 'refused') throw new AppError('rate_limited', 'Syncing too often, slow down');
    if (start === 'later') return;
    this.deps.syncer.run(conn, since).then(
      (next) => conn.endSync(next),
      (err: unknown) => {
        conn.endSync(undefined);
        reportFailure(conn, err);
      },
    );
  }

  private onSend(conn: Connection, frame: Frame<'send'>): void {
    const { chatId, clientMsgId, text } = frame;
    const ref = clientMsgId;
    if (!conn.chats.has(chatId)) return reportFailure(conn, new AppError('not_found', 'Chat not found'), ref);
    if (blockedIn(chatId, conn.userId, conn.privacy.blockedBy))
      return reportFailure(conn, new AppError('blocked'), ref);
    // The per-user budget is shared with REST sends (services.sends): devices and APIs together.
    if (!conn.maySend() || this.deps.sends.take(conn.userId) > 0) {
      return reportFailure(conn, new AppError('rate_limited', 'Sending too fast, slow down'), ref);
    }
    const { replyTo, mentions } = frame;
    this.deps.messages
      .sendAsMember(
        {
          chatId,
          senderId: conn.userId,
          clientMsgId,
          text,
          origin: conn.id,
          // A first attempt cannot be stored yet: skip the duplicate check's read.
          mayBeRetry: frame.retry === true,
          // Acked once durable and published: on this connection, ack before any later message.
          onDurable: (message) => conn.send({ type: 'ack', clientMsgId, message }),
        },
        replyTo === undefined && mentions === undefined ? NO_EXTRAS : { replyTo, mentions },
      )
      .then(
        (sent) => {
          if (!sent.created) conn.send({ type: 'ack', clientMsgId, message: sent.message });
        },
        (err: unknown) => reportFailure(conn, err, ref),
      );
  }

  private onTyping(conn: Connection, frame: Frame<'typing'>): void {
    requireChat(conn, frame.chatId);
    // Blocked in this direct chat: dropped without a word, as sends are refused.
    if (blockedIn(frame.chatId, conn.userId, conn.privacy.blockedBy)) return;
    if ((this.typing?.take(`${conn.userId} ${frame.chatId}`) ?? 0) === 0) {
      this.deps.bus.publish({ type: 'typing', chatId: frame.chatId, userId: conn.userId });
    }
  }

  private onRead(conn: Connection, frame: Frame<'read'>): void {
    requireChat(conn, frame.chatId);
    if (!conn.mayRead())
      return reportFailure(
        conn,
        new AppError('rate_limited', 'Marking read too fast, slow down'),
        frame.messageId,
      );
    void this.deps.chats
      .markRead(frame.chatId, conn.userId, frame.messageId)
      .catch((err: unknown) => reportFailure(conn, err, frame.messageId));
  }

  private onDelivered(conn: Connection, frame: Frame<'delivered'>): void {
    requireChat(conn, frame.chatId);
    if (!conn.mayMarkDelivered())
      return reportFailure(
        conn,
        new AppError('rate_limited', 'Marking delivered too fast, slow down'),
        frame.messageId,
      );
    void this.deps.chats
      .markDelivered(frame.chatId, conn.userId, frame.messageId)
      .catch((err: unknown) => reportFailure(conn, err, frame.messageId));
  }

  /** A reaction is a write like a send: it spends the same budgets. */
  private onReact(conn: Connection, frame: Frame<'react'>): void {
    requireChat(conn, frame.chatId);
    if (!conn.maySend() || this.deps.sends.take(conn.userId) > 0)
      return reportFailure(
        conn,
        new AppError('rate_limited', 'Reacting too fast, slow down'),
        frame.messageId,
      );
    void this.deps.messages
      .react(conn.userId, frame.chatId, frame.messageId, frame.emoji)
      .catch((err: unknown) => reportFailure(conn, err, frame.messageId));
  }
}

/** A plain send's extras: one shared object, not one per message. */
const NO_EXTRAS = Object.freeze({});

function requireChat(conn: Connection, chatId: string): void {
  if (!conn.chats.has(chatId)) throw new AppError('not_found', 'Chat not found');
}
