import { describe, expect, it } from 'vitest';
import { encodeFrame } from '../../src/realtime/wire.js';

/** Reads one unmasked server frame the way RFC 6455 §5.2 lays it out. */
function decode(bytes: Buffer): { fin: boolean; opcode: number; masked: boolean; payload: string } {
  const b1 = bytes[1] as number;
  let len = b1 & 0x7f;
  let at = 2;
  if (len === 126) {
    len = bytes.readUInt16BE(2);
    at = 4;
  } else if (len === 127) {
    len = Number(bytes.readBigUInt64BE(2));
    at = 10;
  }
  expect(bytes.length).toBe(at + len); // exactly one frame, nothing trailing
  return {
    fin: ((bytes[0] as number) & 0x80) !== 0,
    opcode: (bytes[0] as number) & 0x0f,
    masked: (b1 & 0x80) !== 0,
    payload: bytes.subarray(at).toString('utf8'),
  };
}

describe('encodeFrame', () => {
  // Payload lengths on each side of the 7-bit, 16-bit and 64-bit length encodings.
  it.each([0, 100, 126, 65_535, 65_536, 200_000])(
    'frames a %i-character text as one final text frame',
    (n) => {
      const frame = {
        type: 'error' as const,
        code: 'validation_failed' as const,
        message: 'é'.repeat(n / 2),
      };
      const out = decode(encodeFrame(frame));
      expect(out).toMatchObject({ fin: true, opcode: 1, masked: false });
      expect(JSON.parse(out.payload)).toEqual(frame);
    },
  );

  it('writes a message and its ack exactly as JSON.stringify would, whichever comes first', () => {
    const message = {
      id: '01JDIRECT0000000000000000A',
      chatId: 'g_1',
      senderId: 'u1',
      clientMsgId: 'c "1"',
      text: 'héllo 👋\n',
      createdAt: '2026-12-06T11:30:00.000Z',
    };
    const other = { ...message, id: '01JDIRECT0000000000000000B', text: 'second' };
    const frames = [
      { type: 'message' as const, message },
      { type: 'ack' as const, clientMsgId: message.clientMsgId, message },
      { type: 'ack' as const, clientMsgId: other.clientMsgId, message: other },
      { type: 'message' as const, message: other },
      { type: 'message' as const, message },
    ];
    for (const frame of frames) expect(decode(encodeFrame(frame)).payload).toBe(JSON.stringify(frame));
  });
});
