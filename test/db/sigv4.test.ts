import { createHash, createHmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';
import { describe, expect, it } from 'vitest';
import { type Credentials, DynamoSigner } from '../../src/db/sigv4.js';

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);

/** SHA-256 and HMAC as the SDK's signer takes them (its Node build uses node:crypto too). */
class Sha256 {
  private readonly hash;
  constructor(secret?: Data) {
    this.hash = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: Data): void {
    this.hash.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.hash.digest());
  }
}

/** What @smithy/signature-v4 (the SDK's own signer) makes of the same request. */
async function reference(
  region: string,
  host: string,
  target: string,
  body: string,
  creds: Credentials,
  at: Date,
) {
  const signer = new SignatureV4({ service: 'dynamodb', region, sha256: Sha256, credentials: creds });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: 'https:',
      hostname: host.split(':')[0] as string,
      path: '/',
      query: {},
      headers: {
        host,
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': target,
        'content-length': String(Buffer.byteLength(body)),
      },
      body,
    },
    { signingDate: at },
  );
  const h = Object.fromEntries(Object.entries(signed.headers).map(([k, v]) => [k.toLowerCase(), v]));
  return h;
}

describe('DynamoSigner', () => {
  const cases: [string, string, string, Credentials][] = [
    [
      'us-east-1',
      'dynamodb.us-east-1.amazonaws.com',
      '{"TableName":"t"}',
      { accessKeyId: 'AKID', secretAccessKey: 'secret' },
    ],
    [
      'eu-west-1',
      '127.0.0.1:8000',
      JSON.stringify({ RequestItems: { t: [{ PutRequest: { Item: { text: { S: 'héllo 👋\n"q"' } } } }] } }),
      {
        accessKeyId: 'ASIA123',
        secretAccessKey: 'wJalr/K7MDENG+bPxRfiCY',
        sessionToken: 'IQoJb3JpZ2luX2VjE//token==',
      },
    ],
    ['cn-north-1', 'dynamodb.cn-north-1.amazonaws.com.cn', '', { accessKeyId: 'a', secretAccessKey: 'b' }],
  ];

  it.each(cases)('signs as the SDK does (%s, %s)', async (region, host, body, creds) => {
    const signer = new DynamoSigner(region);
    for (const at of [new Date('2026-12-06T11:30:00.123Z'), new Date('2026-12-07T00:00:00.000Z')]) {
      const mine = signer.sign(host, 'DynamoDB_20120810.BatchWriteItem', body, creds, at);
      const ref = await reference(region, host, 'DynamoDB_20120810.BatchWriteItem', body, creds, at);
      // Every header, not only the signature: the request goes out with exactly these.
      expect(mine).toEqual(ref);
      // The batch writer's body is the same text as bytes (db/json-bytes.ts).
      expect(signer.sign(host, 'DynamoDB_20120810.BatchWriteItem', Buffer.from(body), creds, at)).toEqual(
        ref,
      );
    }
  });

  it('derives a new key when the day or the secret changes', async () => {
    const signer = new DynamoSigner('us-east-1');
    const a = { accessKeyId: 'AKID', secretAccessKey: 'one' };
    const b = { accessKeyId: 'AKID', secretAccessKey: 'two' };
    const at = new Date('2026-12-06T23:59:59.999Z');
    const next = new Date('2026-12-07T00:00:00.000Z');
    const host = 'dynamodb.us-east-1.amazonaws.com';
    for (const [creds, when] of [
      [a, at],
      [b, at],
      [b, next],
      [a, next],
    ] as const) {
      const mine = signer.sign(host, 'DynamoDB_20120810.Query', 'x', creds, when);
      const ref = await reference('us-east-1', host, 'DynamoDB_20120810.Query', 'x', creds, when);
      expect(mine.authorization).toBe(ref.authorization);
    }
  });
});
