import * as ws from 'ws';
import type { ServerFrame } from './frames.js';

// ws made its frame builder a public static (websockets/ws#1016) so that a broadcast can frame a
// message once and write the same bytes to every socket; Socket.IO's adapter does the same.
// @types/ws leaves it out, hence the narrow type here.
const { Sender } = ws as unknown as {
  Sender: {
    frame(
      data: Buffer,
      options: { fin: boolean; opcode: number; mask: boolean; readOnly: boolean; rsv1: boolean },
    ): Buffer[];
  };
};

const TEXT = 1;

/**
 * One server frame as the exact bytes of an unmasked, uncompressed WebSocket text frame. Written
 * straight to a socket, it costs one write per recipient and no per-recipient encoding.
 */
export function encodeFrame(frame: ServerFrame): Buffer {
  const data = Buffer.from(JSON.stringify(frame));
  return Buffer.concat(
    Sender.frame(data, { fin: true, opcode: TEXT, mask: false, readOnly: true, rsv1: false }),
  );
}
