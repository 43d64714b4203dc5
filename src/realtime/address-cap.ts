import type { Duplex } from 'node:stream';

/**
 * Open sockets per client address, counted from the upgrade request until the TCP stream closes,
 * so sockets that never authenticate (or trickle their handshake) count as much as signed-in ones.
 */
export class AddressCap {
  private readonly open = new Map<string, number>();

  constructor(private readonly max: number) {}

  /** Counts `socket` against `ip` until it closes; false, counting nothing, when `ip` is at the cap. */
  admit(ip: string, socket: Duplex): boolean {
    if (socket.destroyed) return true; // already gone: it will never emit 'close' to release a slot
    const n = this.open.get(ip) ?? 0;
    if (n >= this.max) return false;
    this.open.set(ip, n + 1);
    socket.once('close', () => {
      const left = (this.open.get(ip) ?? 1) - 1;
      if (left > 0) this.open.set(ip, left);
      else this.open.delete(ip);
    });
    return true;
  }

  /** Sockets open from `ip` right now. */
  count(ip: string): number {
    return this.open.get(ip) ?? 0;
  }
}
