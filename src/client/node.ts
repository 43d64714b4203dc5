import WebSocket from 'ws';
import type { SocketLike } from './index.js';

/** `connect` for ClientOptions in Node, where the Authorization header can go on the upgrade. */
export const nodeConnect = (url: string, headers: Record<string, string>): SocketLike =>
  new WebSocket(url, { headers, perMessageDeflate: false }) as unknown as SocketLike;
