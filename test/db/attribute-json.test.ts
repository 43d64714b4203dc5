import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { MARSHALL_OPTIONS, writeItemJson } from '../../src/db/attribute-json.js';
import { JsonBytes } from '../../src/db/json-bytes.js';

const sdk = (item: Record<string, unknown>) => JSON.stringify(marshall(item, MARSHALL_OPTIONS));
/** What the batch writer puts in its body for this item. */
const marshallJson = (item: Record<string, unknown>) => {
  const out = new JsonBytes(16);
  writeItemJson(out, item);
  return out.take().toString('utf8');
};

describe('writeItemJson', () => {
  const items: Record<string, unknown>[] = [
    {
      pk: 'g_1#000000000001',
      sk: 'u1#c1',
      id: '01JDIRECT0000000000000000',
      text: 'héllo 👋 "quoted" \\ back\nslash \u0000 \u2028',
      createdAt: '2026-12-06T11:30:00.000Z',
      replyTo: { id: '01JORIG', senderId: 'u2', text: 'hi', deleted: true },
      mentions: ['u2', 'u3'],
    },
    { n: 0, neg: -3, f: 0.1, big: Number.MAX_SAFE_INTEGER, tiny: 5e-324, negZero: -0 },
    { yes: true, no: false, nothing: null, gone: undefined, fn: () => 1, empty: '', list: [] },
    { nested: { a: [1, 'two', { three: [null, true] }], b: {}, c: undefined }, arr: [undefined, 1, () => 2] },
    { 'key "with" quotes': 'x', ключ: 'значение', '': 'empty key' },
    Object.assign(Object.create(null), { bare: 'object' }),
  ];

  it.each(items.map((item, i) => [i, item]))(
    'writes item %i as marshall + JSON.stringify would',
    (_, item) => {
      expect(marshallJson(item as Record<string, unknown>)).toBe(sdk(item as Record<string, unknown>));
    },
  );

  it('hands sets, binary and class instances to marshall (same text, or its refusal)', () => {
    const unusual = { tags: new Set(['a', 'b']), nums: new Set([1, 2]), bin: new Uint8Array([1, 2, 3]) };
    expect(marshallJson(unusual)).toBe(sdk(unusual));
    expect(() => marshallJson({ when: new Date(0) })).toThrow();
    expect(() => sdk({ when: new Date(0) })).toThrow();
    expect(() => marshallJson({ n: Number.NaN })).toThrow();
    expect(() => marshallJson({ n: 2 ** 60 })).toThrow();
    expect(() => marshallJson({ n: 1e21 })).toThrow();
  });
});
