import { createHash, createHmac } from 'node:crypto';

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** The headers a signed DynamoDB request carries besides its body. */
export type SignedHeaders = {
  host: string;
  'content-type': string;
  'content-length': string;
  'x-amz-target': string;
  'x-amz-content-sha256': string;
  'x-amz-date': string;
  'x-amz-security-token'?: string;
  authorization: string;
};

const CONTENT_TYPE = 'application/x-amz-json-1.0';

/**
 * AWS Signature Version 4 for DynamoDB's JSON API: a POST to `/` with no query and a fixed set
 * of headers, so the canonical request is written out directly. The same bytes as
 * @smithy/signature-v4 (checked in test/db/sigv4.test.ts), at a small part of its CPU and
 * garbage: that signer is general (any method, query and header set) and built ~23 KB of
 * intermediate strings and arrays per call, which the message writer paid once per batch.
 */
export class DynamoSigner {
  /** The derived key of one day (it depends on the date, region, service and secret only). */
  private key: { day: string; secret: string; value: Buffer } | undefined;
  private readonly scopeTail: string;

  constructor(
    private readonly region: string,
    private readonly service = 'dynamodb',
  ) {
    this.scopeTail = `/${region}/${service}/aws4_request`;
  }

  sign(host: string, target: string, body: string | Buffer, creds: Credentials, at: Date): SignedHeaders {
    const amzDate = at.toISOString().replace(/[-:]|\.\d{3}/g, ''); // 20261206T113000Z
    const day = amzDate.slice(0, 8);
    const length = String(Buffer.byteLength(body));
    const token = creds.sessionToken;
    const bodyHash = hex(body);
    // As the SDK's signer sends them: its default adds the payload hash as a header too.
    const names = token
      ? 'content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target'
      : 'content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-target';
    const canonical =
      `POST\n/\n\ncontent-length:${length}\ncontent-type:${CONTENT_TYPE}\nhost:${host}\n` +
      `x-amz-content-sha256:${bodyHash}\nx-amz-date:${amzDate}\n` +
      `${token ? `x-amz-security-token:${token}\n` : ''}x-amz-target:${target}\n` +
      `\n${names}\n${bodyHash}`;
    const scope = `${day}${this.scopeTail}`;
    const toSign = `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${hex(canonical)}`;
    const signature = createHmac('sha256', this.signingKey(day, creds.secretAccessKey))
      .update(toSign)
      .digest('hex');
    return {
      host,
      'content-type': CONTENT_TYPE,
      'content-length': length,
      'x-amz-target': target,
      'x-amz-content-sha256': bodyHash,
      'x-amz-date': amzDate,
      ...(token ? { 'x-amz-security-token': token } : {}),
      authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope}, SignedHeaders=${names}, Signature=${signature}`,
    };
  }

  private signingKey(day: string, secret: string): Buffer {
    const k = this.key;
    if (k && k.day === day && k.secret === secret) return k.value;
    let value = hmac(`AWS4${secret}`, day);
    for (const part of [this.region, this.service, 'aws4_request']) value = hmac(value, part);
    this.key = { day, secret, value };
    return value;
  }
}

const hex = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
