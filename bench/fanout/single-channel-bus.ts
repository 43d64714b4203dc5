import { Redis } from 'ioredis';
import type { BusEvent, EventHandler, FanoutBus } from '../../src/realtime/bus.js';
import { LocalBus } from '../../src/realtime/bus.js';

/**
 * The bus as it was before targeted fan-out (src/realtime/redis-bus.ts at 6398059), cut to what
 * the simulation exercises: every event on one channel, every instance parses every event and
 * drops its own echo after parsing. Kept only as the "before" of bench/fanout.ts.
 */
export class SingleChannelBus implements FanoutBus {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly local = new LocalBus();
  received = 0;

  constructor(
    url: string,
    private readonly channel: string,
    private readonly instanceId: string,
  ) {
    this.pub = new Redis(url);
    this.sub = new Redis(url);
    this.sub.on('message', (_c: string, raw: string) => {
      const envelope = JSON.parse(raw) as { o: string; e?: BusEvent };
      if (envelope.o === this.instanceId) return;
      this.received += 1;
      if (envelope.e) this.local.publish(envelope.e, true);
    });
  }

  ready(): Promise<unknown> {
    return this.sub.subscribe(this.channel);
  }

  publish(event: BusEvent): void {
    this.local.publish(event);
    void this.pub.publish(this.channel, JSON.stringify({ o: this.instanceId, e: event }));
  }

  subscribe(handler: EventHandler): () => void {
    return this.local.subscribe(handler);
  }

  watch(): Promise<void> {
    return Promise.resolve();
  }

  unwatch(): void {}

  healthy(): boolean {
    return true;
  }

  onRecovered(): () => void {
    return () => {};
  }

  async close(): Promise<void> {
    this.sub.disconnect();
    this.pub.disconnect();
  }
}
