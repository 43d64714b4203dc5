import type { SessionsEnded } from '../auth/events.js';
import type { ChatEvent, Publisher } from '../feed/events.js';

/** What the bus carries between instances: chat events, and sessions that ended. */
export type BusEvent = ChatEvent | SessionsEnded;

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

  onRecovered(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}
