import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';

type Item = Record<string, unknown>;

/** What this reads of the SDK client's resolved config (not in its public types). */
interface SdkConfig {
  endpointProvider(params: Record<string, unknown>): { url: URL };
  systemClockOffset?: number;
}

/** How a call went, for metrics/dynamodb.ts (the SDK's calls are counted by its middleware). */
export type CallObserver = (operation: string, err?: unknown) => void;

type Data = string | ArrayBuffer | ArrayBufferView;
const bytes = (d: Data) =>
  typeof d === 'string'
    ? d
    : ArrayBuffer.isView(d)
      ? new Uint8Array(d.buffer, d.byteOffset, d.byteLength)
      : new Uint8Array(d);

/** SHA-256 and HMAC-SHA-256 for the signer, from node:crypto. */
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
  reset(): void {}
}

export interface BatchWriteOptions {
  /** The client whose credentials and region this signs with. */
  client: DynamoDBClient;
  region: string;
  /** DynamoDB Local's address; otherwise the region's public endpoint. */
  endpoint: string | undefined;
  requestTimeoutMs: number;
}

/**
 * BatchWriteItem (puts only) straight over DynamoDB's HTTP API: the message writer's one hot
 * call. The SDK's per-call machinery (middleware stack, schema-driven serialisation) costs about
 * twice the CPU of the request itself (bench/README.md); this sends the same signed request
 * (SigV4 with the SDK client's own credentials provider) with the JSON built once. Errors carry
 * the SDK's shape — `name` from DynamoDB's `__type`, `$metadata.httpStatusCode`, `$retryable` on
 * throttling, 5xx and network failures — so callers treat both paths alike. Returns the items
 * DynamoDB left unprocessed.
 */
export class BatchWriter {
  private readonly url: URL;
  private readonly signer: SignatureV4;
  private readonly agent: HttpAgent | HttpsAgent;
  /** Set by metrics/dynamodb.ts. */
  observe: CallObserver | undefined;

  constructor(private readonly opts: BatchWriteOptions) {
    // The region's endpoint as the SDK itself resolves it (partitions such as amazonaws.com.cn).
    const sdk = opts.client.config as unknown as SdkConfig;
    this.url = new URL(
      opts.endpoint ??
        sdk.endpointProvider({ Region: opts.region, UseFIPS: false, UseDualStack: false }).url.href,
    );
    const secure = this.url.protocol === 'https:';
    this.agent = secure
      ? new HttpsAgent({ keepAlive: true, maxSockets: 64 })
      : new HttpAgent({ keepAlive: true, maxSockets: 64 });
    this.signer = new SignatureV4({
      service: 'dynamodb',
      region: opts.region,
      sha256: Sha256,
      credentials: () => opts.client.config.credentials(),
    });
  }

  async put(table: string, items: readonly Item[]): Promise<Item[]> {
    const body = JSON.stringify({
      RequestItems: {
        [table]: items.map((item) => ({
          PutRequest: {
            Item: marshall(item, { removeUndefinedValues: true, convertClassInstanceToMap: false }),
          },
        })),
      },
    });
    try {
      const res = (await this.send('BatchWriteItem', body)) as {
        UnprocessedItems?: Record<string, { PutRequest?: { Item?: Record<string, never> } }[]>;
      };
      this.observe?.('BatchWriteItem');
      return (res.UnprocessedItems?.[table] ?? []).flatMap((r) =>
        r.PutRequest?.Item ? [unmarshall(r.PutRequest.Item)] : [],
      );
    } catch (err) {
      this.observe?.('BatchWriteItem', err);
      throw err;
    }
  }

  destroy(): void {
    this.agent.destroy();
  }

  private async send(operation: string, body: string): Promise<unknown> {
    const { hostname, port, protocol, host } = this.url;
    // The SDK keeps the offset of this host's clock from AWS's (learnt from a skew error on any
    // call of the client): signing with it keeps a skewed host working, as SDK calls do.
    const offset = (this.opts.client.config as unknown as SdkConfig).systemClockOffset ?? 0;
    const signed = await this.signer.sign(
      {
        method: 'POST',
        protocol,
        hostname,
        ...(port ? { port: Number(port) } : {}),
        path: '/',
        query: {},
        headers: {
          host,
          'content-type': 'application/x-amz-json-1.0',
          'x-amz-target': `DynamoDB_20120810.${operation}`,
          'content-length': String(Buffer.byteLength(body)),
        },
        body,
      },
      { signingDate: new Date(Date.now() + offset) },
    );
    const request = protocol === 'https:' ? httpsRequest : httpRequest;
    const { requestTimeoutMs } = this.opts;
    const res = await new Promise<{ status: number; text: string }>((resolve, reject) => {
      const failed = (err: Error) => reject(Object.assign(err, { $retryable: {} }));
      const req = request(
        {
          agent: this.agent,
          method: 'POST',
          hostname,
          port,
          path: '/',
          headers: signed.headers,
          // Idle time, connecting included; the signal bounds the whole call (a wait for a socket too).
          timeout: requestTimeoutMs,
          signal: AbortSignal.timeout(2 * requestTimeoutMs),
        },
        (r: IncomingMessage) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => resolve({ status: r.statusCode ?? 0, text: Buffer.concat(chunks).toString() }));
          r.on('error', failed);
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('DynamoDB request timed out'), { name: 'TimeoutError' })),
      );
      req.on('error', failed);
      req.end(body);
    });
    if (res.status >= 200 && res.status < 300) {
      try {
        return JSON.parse(res.text);
      } catch {
        throw Object.assign(new Error('DynamoDB answered with a body that is not JSON'), { $retryable: {} });
      }
    }
    throw serviceError(res.status, res.text);
  }
}

const THROTTLING = /ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded/;

/** DynamoDB's error answer, shaped as the SDK shapes it. */
function serviceError(status: number, text: string): Error {
  let parsed: { __type?: string; message?: string; Message?: string } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const name = parsed.__type?.split('#').pop() ?? `HTTP${status}`;
  const err = new Error(parsed.message ?? parsed.Message ?? `DynamoDB answered ${status}`);
  return Object.assign(err, {
    name,
    $metadata: { httpStatusCode: status },
    ...(status >= 500 || THROTTLING.test(name) ? { $retryable: { throttling: THROTTLING.test(name) } } : {}),
  });
}
