import { marshall } from '@aws-sdk/util-dynamodb';
import type { JsonBytes } from './json-bytes.js';

/** How every item is marshalled, on the direct path and the SDK's (db/client.ts). */
export const MARSHALL_OPTIONS = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

/** A value the fast path leaves to `marshall` (sets, binary, big numbers, class instances). */
const UNUSUAL = Symbol('unusual');

/**
 * Writes an item as the DynamoDB JSON text of its attribute values: the same text as
 * `JSON.stringify(marshall(item, MARSHALL_OPTIONS))` (test/db/attribute-json.test.ts), in one pass
 * instead of building the `{S: …}` tree first and then serialising it. The writer's batch is made
 * of plain strings, numbers, booleans, lists and maps; anything else takes `marshall`'s path.
 */
export function writeItemJson(out: JsonBytes, item: Record<string, unknown>): void {
  const start = out.mark;
  try {
    writeMap(out, item);
  } catch (err) {
    if (err !== UNUSUAL) throw err;
    out.rewind(start);
    out.text(JSON.stringify(marshall(item, MARSHALL_OPTIONS)));
  }
}

function writeMap(out: JsonBytes, obj: Record<string, unknown>): void {
  out.raw('{');
  let first = true;
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    if (!first) out.raw(',');
    first = false;
    out.string(key);
    out.raw(':');
    writeValue(out, v);
  }
  out.raw('}');
}

function writeValue(out: JsonBytes, v: unknown): void {
  switch (typeof v) {
    case 'string':
      out.raw('{"S":');
      out.string(v);
      out.raw('}');
      return;
    case 'boolean':
      out.raw(v ? '{"BOOL":true}' : '{"BOOL":false}');
      return;
    case 'number':
      // Non-finite and unsafe integers: marshall's own error.
      if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v))) throw UNUSUAL;
      out.raw(`{"N":"${v}"}`);
      return;
    case 'object': {
      if (v === null) return out.raw('{"NULL":true}');
      if (Array.isArray(v)) {
        out.raw('{"L":[');
        let first = true;
        for (const x of v) {
          if (x === undefined || typeof x === 'function') continue;
          if (!first) out.raw(',');
          first = false;
          writeValue(out, x);
        }
        out.raw(']}');
        return;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw UNUSUAL;
      out.raw('{"M":');
      writeMap(out, v as Record<string, unknown>);
      out.raw('}');
      return;
    }
    default:
      throw UNUSUAL;
  }
}
