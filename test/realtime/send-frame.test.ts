import { describe, expect, it } from 'vitest';
import { textProblem } from '../../src/lib/text.js';
import { clientFrame, parseClientFrame } from '../../src/realtime/frames.js';
import { plainSend } from '../../src/realtime/send-frame.js';

/** A seeded generator, so a failure replays. */
function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

const ULID = '01JABCDEFGHJKMNPQRSTVWXYZ0';
const PIECES = [
  'hello',
  'A',
  ' ',
  '  ',
  '\t',
  '\n',
  '\r\n',
  'e\u0301', // NFD: stored as é
  '\u00e9',
  '😀',
  '👩‍💻',
  '\u200b', // zero width space
  '\u034f', // combining grapheme joiner
  '\u3164',
  '\ufeff',
  '\u00a0',
  '\u202e', // bidi override
  '\u2066',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u2028',
  '\ud83d', // lone high surrogate
  '\ude00', // lone low surrogate
  'ـ',
  '中文',
];
const PLAIN_KEYS = new Set(['type', 'chatId', 'clientMsgId', 'text', 'retry']);

function frame(random: () => number): Record<string, unknown> {
  // The first choice is valid, and taken half the time: many frames are valid throughout.
  const pick = <T>(xs: readonly T[]): T =>
    (random() < 0.5 ? xs[0] : xs[Math.floor(random() * xs.length)]) as T;
  const f: Record<string, unknown> = {};
  const type = pick(['send', 'send', 'send', 'send', 'Send', 'typing', undefined, 1]);
  if (type !== undefined) f.type = type;
  const chatId = pick([
    `g_${ULID}`,
    `d_${'a-_Z9'.repeat(5)}x`,
    `g_${ULID}x`,
    'g_short',
    `x_${ULID}`,
    42,
    undefined,
  ]);
  if (chatId !== undefined) f.chatId = chatId;
  const clientMsgId = pick([
    'c1',
    'a_b-C9',
    '',
    'x'.repeat(64),
    'x'.repeat(65),
    'has space',
    'é',
    7,
    undefined,
  ]);
  if (clientMsgId !== undefined) f.clientMsgId = clientMsgId;
  const r = random();
  if (r < 0.05) f.text = 5;
  else if (r < 0.1) f.text = 'x'.repeat(3_990 + Math.floor(random() * 20)) + pick(['', '  ', '\n', 'é']);
  else if (r < 0.95) f.text = Array.from({ length: Math.floor(random() * 6) }, () => pick(PIECES)).join('');
  const retry = pick([undefined, undefined, true, false, 'yes', null]);
  if (retry !== undefined) f.retry = retry;
  const extra = random();
  if (extra < 0.05) f.replyTo = ULID;
  else if (extra < 0.1) f.mentions = [ULID];
  else if (extra < 0.13) f.other = 1;
  return f;
}

describe('the hand-checked plain send frame', () => {
  it('accepts exactly the plain sends zod accepts, with the same output', () => {
    const random = rng(7);
    let accepted = 0;
    for (let i = 0; i < 30_000; i++) {
      const raw = JSON.parse(JSON.stringify(frame(random))) as Record<string, unknown>;
      const quick = plainSend(raw);
      const zod = clientFrame.safeParse(raw);
      if (quick !== undefined) {
        accepted += 1;
        expect(zod.success, JSON.stringify(raw)).toBe(true);
        expect(quick).toStrictEqual(zod.data);
      } else if (zod.success) {
        // Only frames with more than the plain keys are left to zod.
        expect(
          Object.keys(raw).every((k) => PLAIN_KEYS.has(k)),
          JSON.stringify(raw),
        ).toBe(false);
      }
    }
    expect(accepted).toBeGreaterThan(3_000);
  });

  it('leaves own __proto__ keys, arrays and non-objects to zod', () => {
    const base = `"type":"send","chatId":"g_${ULID}","clientMsgId":"c1","text":"hi"`;
    for (const text of [`{${base},"__proto__":{"x":1}}`, `[${JSON.stringify('send')}]`, '"send"', 'null']) {
      expect(plainSend(JSON.parse(text))).toBeUndefined();
      expect(parseClientFrame(text).ok).toBe(false);
    }
    expect(parseClientFrame(`{${base}}`)).toStrictEqual({
      ok: true,
      frame: { type: 'send', chatId: `g_${ULID}`, clientMsgId: 'c1', text: 'hi' },
    });
  });
});

describe('textProblem: visible characters', () => {
  it('refuses the same texts as removing every invisible character did', () => {
    // The rule as it was written before: strip them, then look for anything left.
    const invisible = /\s|\u034F|[\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u3164\uFFA0]/gu;
    const chars = [
      ' ',
      '\u00a0',
      '\u034f',
      '\u00ad',
      '\u115f',
      '\u180e',
      '\u200b',
      '\u2061',
      '\ufeff',
      '\u3164',
      'a',
      '😀',
      '\u0301',
    ];
    const random = rng(3);
    for (let i = 0; i < 5_000; i++) {
      const text = Array.from(
        { length: Math.floor(random() * 6) },
        () => chars[Math.floor(random() * chars.length)],
      ).join('');
      const before = text.replace(invisible, '').length === 0;
      expect(textProblem(text, true) === 'must contain visible characters', JSON.stringify(text)).toBe(
        before,
      );
    }
  });
});
