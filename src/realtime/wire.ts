import type { ServerFrame } from './frames.js';

const FIN_TEXT = 0x81; // FIN bit + opcode 1 (text)

/**
 * One server frame as the exact bytes of an unmasked, uncompressed WebSocket text frame (RFC 6455
 * §5.2). Written straight to a socket, it costs one write per recipient and no per-recipient
 * encoding. Built in one buffer: header and payload are not framed apart and then concatenated
 * (what ws's Sender.frame + Buffer.concat did), which was two more copies of every frame.
 */
export function encodeFrame(frame: ServerFrame): Buffer {
  const json = jsonOf(frame);
  const size = Buffer.byteLength(json);
  const head = size < 126 ? 2 : size < 65_536 ? 4 : 10;
  const out = Buffer.allocUnsafe(head + size);
  out[0] = FIN_TEXT;
  if (head === 2) out[1] = size;
  else if (head === 4) {
    out[1] = 126;
    out.writeUInt16BE(size, 2);
  } else {
    out[1] = 127;
    out.writeUInt32BE(0, 2); // frames here stay far below 4 GiB
    out.writeUInt32BE(size, 6);
  }
  out.write(json, head);
  return out;
}

/**
 * A new message goes out twice, as `message` to the room and as `ack` to its sender, one right
 * after the other (messages/writer.ts): the message's JSON is made once for both. One entry, kept
 * by identity: messages are not changed after they are stored.
 */
let lastMessage: object | undefined;
let lastMessageJson = '';

function jsonOf(frame: ServerFrame): string {
  if (frame.type !== 'message' && frame.type !== 'ack') return JSON.stringify(frame);
  if (frame.message !== lastMessage) {
    lastMessage = frame.message;
    lastMessageJson = JSON.stringify(frame.message);
  }
  return frame.type === 'message'
    ? `{"type":"message","message":${lastMessageJson}}`
    : `{"type":"ack","clientMsgId":${JSON.stringify(frame.clientMsgId)},"message":${lastMessageJson}}`;
}
