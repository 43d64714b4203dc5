import type { SessionsEnded } from '../auth/events.js';
import type { ChatEvent, Publisher } from '../feed/events.js';

/** What the bus carries between instances: chat events, and sessions that ended. */
export type BusEvent = ChatEvent | SessionsEnded;

/**
 * What an instance listens to: a chat (`c:<chatId>`) while it holds a connection in that chat's
 * room, a user (`u:<userId>`) while it holds one of their connections. Events reach only the
 * instances listening to their chat or user (control events, which every instance needs, go to all).
 */
export type Topic = `c:${string}` | `u:${string}`;
export const chatTopic = (chatId: string): Topic => `c:${chatId}`;
export const userTopic = (userId: string): Topic => `u:${userId}`;

/** remote: the event came from another instance (this one published it otherwise). */
export type EventHandler = (event: BusEvent, remote: boolean) => void;

/**
 * Carries durable chat events to every instance's hub. Each instance publishes an event once;
 * every subscriber (one hub per instance) receives it once, in publish order per publisher.
 */
export interface FanoutBus extends Publisher {
  publish(event: BusEvent): void;
  subscribe(handler: EventHandler): () => void;
  /** Whether cross-instance delivery currently works (readiness reports "degraded" when not). */
  healthy(): boolean;
  /**
   * Starts (or keeps, counted) receiving the topics' events; resolves once they flow here, or at
   * once while the bus is down (recovery then asks every client to sync).
   */
  watch(topics: Iterable<Topic>): Promise<void>;
  /** Undoes one watch of each topic; the last one stops its events coming here. */
  unwatch(topics: Iterable<Topic>): void;
  /** Registers a callback for when delivery resumes after an outage (events may have been missed). */
  onRecovered(handler: () => void): () => void;
  close(): Promise<void>;
}

/** Single-process bus: delivery is a synchronous call, so order and exactly-once are trivial. */
export class LocalBus implements FanoutBus {
  private readonly handlers = new Set<EventHandler>();

  constructor(private readonly onHandlerError: (err: unknown) => void = () => {}) {}

  publish(event: BusEvent, remote = false): void {
    for (const h of this.handlers) {
      try {
        h(event, remote);
      } catch (err) {
        // One broken subscriber must not stop delivery to the others or fail the write path.
        this.onHandlerError(err);
      }
    }
  }

  subscribe(handler: EventHandler): () => void {
    this.handlers.add(handler);
    return () => this.handlers.delete(handler);
  }

  healthy(): boolean {
    return true;
  }

  // One process: every event is here already.
  watch(): Promise<void> {
    return Promise.resolve();
  }

  unwatch(): void {}

  onRecovered(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
