import type { Duplex } from 'node:stream';

/** The address a socket is counted against (see AddressCap.release). */
const kAddress = Symbol('chatx.address');
type Counted = Duplex & { [kAddress]?: string };

/**
 * Open sockets per client address, counted from the upgrade request until the TCP stream closes,
 * so sockets that never authenticate (or trickle their handshake) count as much as signed-in ones.
 */
export class AddressCap {
  private readonly open = new Map<string, number>();
  /**
   * Every socket's 'close' listener, reading the address from the socket: a `once` with a closure
   * per socket is ~200 bytes (wrapper, bound function, closure, context) for as long as it is open.
   */
  private readonly release: (this: Counted) => void;

  constructor(private readonly max: number) {
    const open = this.open;
    this.release = function (this: Counted) {
      const ip = this[kAddress];
      if (ip === undefined) return;
      this[kAddress] = undefined;
      const left = (open.get(ip) ?? 1) - 1;
      if (left > 0) open.set(ip, left);
      else open.delete(ip);
    };
  }

  /** Counts `socket` against `ip` until it closes; false, counting nothing, when `ip` is at the cap. */
  admit(ip: string, socket: Duplex): boolean {
    if (socket.destroyed) return true; // already gone: it will never emit 'close' to release a slot
    const n = this.open.get(ip) ?? 0;
    if (n >= this.max) return false;
    this.open.set(ip, n + 1);
    (socket as Counted)[kAddress] = ip;
    socket.on('close', this.release);
    return true;
  }

  /** Sockets open from `ip` right now. */
  count(ip: string): number {
    return this.open.get(ip) ?? 0;
  }
}
