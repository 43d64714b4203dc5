import WebSocket from 'ws';
import type { ServerFrame } from '../../src/realtime/frames.js';

type Frame = ServerFrame;
type FrameOf<T extends Frame['type']> = Extract<Frame, { type: T }>;

/** A raw protocol client for tests: records every frame and lets a test await the ones it expects. */
export class TestSocket {
  readonly frames: Frame[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  readonly opened: Promise<void>;
  private waiters: (() => void)[] = [];
  private consumed = new Set<number>();

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.frames.push(JSON.parse(String(data)) as Frame);
      for (const w of this.waiters.splice(0)) w();
    });
    this.closed = new Promise((resolve) =>
      ws.on('close', (code, reason) => {
        resolve({ code, reason: String(reason) });
        for (const w of this.waiters.splice(0)) w();
      }),
    );
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('error', () => {});
  }

  static connect(
    url: string,
    opts: { token?: string; origin?: string; autoPong?: boolean } = {},
  ): TestSocket {
    const headers: Record<string, string> = {};
    if (opts.token) headers.Authorization = `Bearer ${opts.token}`;
    if (opts.origin) headers.Origin = opts.origin;
    return new TestSocket(new WebSocket(url, { headers, autoPong: opts.autoPong ?? true }));
  }

  /** Connects with a header token and waits for `ready`. */
  static async ready(url: string, token: string): Promise<TestSocket> {
    const s = TestSocket.connect(url, { token });
    await s.next('ready');
    return s;
  }

  send(frame: unknown): void {
    this.ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame));
  }

  /** The next not-yet-taken frame of this type (waits up to timeoutMs). */
  async next<T extends Frame['type']>(
    type: T,
    pred: (f: FrameOf<T>) => boolean = () => true,
    timeoutMs = 5_000,
  ): Promise<FrameOf<T>> {
    const found = await this.until(
      () => {
        const i = this.frames.findIndex(
          (f, idx) => !this.consumed.has(idx) && f.type === type && pred(f as FrameOf<T>),
        );
        return i >= 0 ? i : undefined;
      },
      timeoutMs,
      `no ${type} frame`,
    );
    this.consumed.add(found);
    return this.frames[found] as FrameOf<T>;
  }

  /** Waits until `check` returns something other than undefined. */
  async until<R>(check: () => R | undefined, timeoutMs = 5_000, what = 'condition'): Promise<R> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const r = check();
      if (r !== undefined) return r;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`timed out waiting for ${what}; frames: ${JSON.stringify(this.frames.slice(-5))}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  of<T extends Frame['type']>(type: T): FrameOf<T>[] {
    return this.frames.filter((f) => f.type === type) as FrameOf<T>[];
  }

  close(): void {
    this.ws.close();
  }
}
