import { marshall } from '@aws-sdk/util-dynamodb';

/** How every item is marshalled, on the direct path and the SDK's (db/client.ts). */
export const MARSHALL_OPTIONS = { removeUndefinedValues: true, convertClassInstanceToMap: false } as const;

/** A value the fast path leaves to `marshall` (sets, binary, big numbers, class instances). */
const UNUSUAL = Symbol('unusual');

/**
 * An item as the DynamoDB JSON text of its attribute values: the same text as
 * `JSON.stringify(marshall(item, MARSHALL_OPTIONS))` (test/db/attribute-json.test.ts), written in one pass
 * instead of building the `{S: …}` tree first and then serialising it. The writer's batch is made
 * of plain strings, numbers, booleans, lists and maps; anything else takes `marshall`'s path.
 */
export function marshallJson(item: Record<string, unknown>): string {
  try {
    return mapJson(item);
  } catch (err) {
    if (err !== UNUSUAL) throw err;
    return JSON.stringify(marshall(item, MARSHALL_OPTIONS));
  }
}

function mapJson(obj: Record<string, unknown>): string {
  let out = '';
  for (const key in obj) {
    if (!Object.hasOwn(obj, key)) continue;
    const v = obj[key];
    if (v === undefined || typeof v === 'function') continue;
    out += `${out ? ',' : ''}${JSON.stringify(key)}:${valueJson(v)}`;
  }
  return `{${out}}`;
}

function valueJson(v: unknown): string {
  switch (typeof v) {
    case 'string':
      return `{"S":${JSON.stringify(v)}}`;
    case 'boolean':
      return v ? '{"BOOL":true}' : '{"BOOL":false}';
    case 'number':
      // Non-finite and unsafe integers: marshall's own error.
      if (!Number.isFinite(v) || (Number.isInteger(v) && !Number.isSafeInteger(v))) throw UNUSUAL;
      return `{"N":"${v}"}`;
    case 'object': {
      if (v === null) return '{"NULL":true}';
      if (Array.isArray(v)) {
        let out = '';
        for (const x of v) {
          if (x === undefined || typeof x === 'function') continue;
          out += `${out ? ',' : ''}${valueJson(x)}`;
        }
        return `{"L":[${out}]}`;
      }
      const proto = Object.getPrototypeOf(v);
      if (proto !== Object.prototype && proto !== null) throw UNUSUAL;
      return `{"M":${mapJson(v as Record<string, unknown>)}}`;
    }
    default:
      throw UNUSUAL;
  }
}
