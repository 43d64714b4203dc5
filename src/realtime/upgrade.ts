import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { clientIp } from '../lib/client-ip.js';
import { AddressCap } from './address-cap.js';

export interface UpgradeGateOptions {
  /** The only path that upgrades (HubOptions.path). */
  path: string;
  /** Open sockets per client address, before and after authentication (MAX_CONNECTIONS_PER_IP). */
  maxConnectionsPerIp: number;
  /** Sites besides this server itself whose pages may open a socket (CORS_ORIGINS). */
  corsOrigins: readonly string[];
  /** TRUST_PROXY_HOPS: which X-Forwarded-For entry is the client, exactly as for HTTP requests. */
  trustProxyHops: number;
}

/**
 * Which HTTP upgrade requests may become WebSockets: the right path, not while draining, not over
 * the per-address cap, and not from another site's page. Refused ones are answered with a plain
 * HTTP status before any handshake.
 */
export class UpgradeGate {
  private readonly addresses: AddressCap;
  private draining = false;

  constructor(private readonly o: UpgradeGateOptions) {
    this.addresses = new AddressCap(o.maxConnectionsPerIp);
  }

  /** True when the request may be upgraded; otherwise it has been answered (404/503/429/403). */
  admit(req: IncomingMessage, socket: Duplex): boolean {
    socket.on('error', destroy);
    const path = (req.url ?? '/').split('?')[0];
    if (path !== this.o.path) return reject(socket, 404, 'Not Found');
    if (this.draining) return reject(socket, 503, 'Service Unavailable');
    // Counted before the handshake: a flood of sockets that never authenticate is refused too.
    const ip = clientIp(req, this.o.trustProxyHops);
    forgetPeer(socket);
    if (!this.addresses.admit(ip, socket)) return reject(socket, 429, 'Too Many Requests');
    const origin = req.headers.origin;
    // Browsers always send Origin; native clients do not. Pages from this server itself (the web
    // client) and from CORS_ORIGINS may open a socket; any other site may not.
    if (origin !== undefined && !this.o.corsOrigins.includes(origin) && !sameOrigin(origin, req.headers.host))
      return reject(socket, 403, 'Forbidden');
    return true;
  }

  /**
   * The WebSocket took the socket over, with its own error listener: ours goes, so the socket keeps
   * one listener, not an array of two, for as long as it is open.
   */
  adopted(socket: Duplex): void {
    socket.removeListener('error', destroy);
  }

  /** From now on every upgrade is refused with 503 (shutdown). */
  drain(): void {
    this.draining = true;
  }

  /** WebSocket connections open from this client address (authenticated or not). */
  connectionsFrom(ip: string): number {
    return this.addresses.count(ip);
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function reject(socket: Duplex, status: number, text: string): false {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  return false;
}

/**
 * Reading `remoteAddress` makes Node cache {address, family, port} on the socket (~50 bytes, for
 * as long as it is open); nothing reads it again (the cap keeps the address it counted against).
 * Cleared, a later read simply asks the OS again (Node's net.Socket#_getpeername).
 */
function forgetPeer(socket: Duplex): void {
  const s = socket as Duplex & { _peername?: unknown };
  if (s._peername) s._peername = null;
}

/** Shared by every socket (a closure each would be kept for the socket's life). */
function destroy(this: Duplex): void {
  this.destroy();
}
