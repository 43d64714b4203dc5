import { type RawData, WebSocket } from 'ws';
import type { Connection } from './connection.js';

/** What a hub does with its sockets' events (`this` is the socket). */
export interface SocketHandlers {
  message(this: HubSocket, data: RawData, isBinary: boolean): void;
  close(this: HubSocket): void;
  error(this: HubSocket, err: Error): void;
  pong(this: HubSocket): void;
}

/**
 * ws's socket with its connection. Its four events go from `emit` straight to its hub's handlers
 * rather than through listeners: every event type listened to grows the socket's listener table,
 * and these four took it from 160 to 256 bytes a socket (heap snapshots, 5,000 sockets).
 * Listeners added besides (shutdown waits for 'close') still run, after the handler.
 */
export class HubSocket extends WebSocket {
  conn?: Connection;
  /** On the prototype of each hub's own subclass (socketClass), not on every socket. */
  declare readonly handlers: SocketHandlers;
  /**
   * EventEmitter's listener table, which it makes up front for every emitter: ~175 bytes a socket,
   * and a hub socket has no listeners unless shutdown waits on it. Unset here, after the
   * constructor, Node's EventEmitter makes it with the first listener (each of its methods allows
   * for a table not made yet).
   */
  protected _events = undefined;

  // ws emits at most two arguments (message: data, isBinary; close: code, reason).
  override emit(event: string | symbol, a?: unknown, b?: unknown): boolean {
    const h = this.handlers;
    switch (event) {
      case 'message':
        h.message.call(this, a as RawData, b as boolean);
        break;
      case 'close':
        h.close.call(this);
        break;
      case 'error':
        h.error.call(this, a as Error);
        break;
      case 'pong':
        h.pong.call(this);
        break;
      default:
        return super.emit(event, a, b);
    }
    // Handled: an 'error' without listeners must not throw as EventEmitter's would.
    return this.listenerCount(event) > 0 ? super.emit(event, a, b) : true;
  }
}

/** A HubSocket class whose sockets call these handlers: one per hub (tests run several at once). */
export function socketClass(handlers: SocketHandlers): typeof HubSocket {
  const cls = class extends HubSocket {};
  Object.defineProperty(cls.prototype, 'handlers', { value: handlers });
  return cls;
}
