import { createHash, createHmac } from 'node:crypto';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import { SignatureV4 } from '@smithy/signature-v4';

/** What this reads and keeps of the SDK client's resolved config (not in its public types). */
interface SdkConfig {
  endpointProvider(params: Record<string, unknown>): { url: URL };
  /** This host's clock minus AWS's, in ms; shared with the SDK's own calls. */
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

export interface HttpApiOptions {
  /** The client whose credentials, region endpoint and clock offset this shares. */
  client: dynamodb.DynamoDBClient;
  region: string;
  /** DynamoDB Local's address; otherwise the region's public endpoint. */
  endpoint: string | undefined;
  requestTimeoutMs: number;
}

/** AWS refuses requests signed this far from its clock; the SDK corrects its offset past it. */
const MAX_SKEW_MS = 300_000;

/**
 * One DynamoDB operation straight over its HTTP API (JSON in, JSON out): the same SigV4-signed
 * request the SDK sends, with the SDK client's credentials provider, endpoint and clock offset,
 * without its per-call machinery (middleware stack, schema-driven serialisation), which costs
 * more CPU than the request itself (bench/README.md). Errors are the SDK's own exception classes
 * (`instanceof ConditionalCheckFailedException` holds), with `$metadata.httpStatusCode`, and
 * `$retryable` on throttling, 5xx, network failures and a corrected clock skew. One attempt:
 * callers retry (see doc-client.ts).
 */
export class DynamoHttp {
  private readonly url: URL;
  private readonly signer: SignatureV4;
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly config: SdkConfig;
  /** Set by metrics/dynamodb.ts. */
  observe: CallObserver | undefined;

  constructor(private readonly opts: HttpApiOptions) {
    this.config = opts.client.config as unknown as SdkConfig;
    // The region's endpoint as the SDK itself resolves it (partitions such as amazonaws.com.cn).
    this.url = new URL(
      opts.endpoint ??
        this.config.endpointProvider({ Region: opts.region, UseFIPS: false, UseDualStack: false }).url.href,
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

  /** Sends `body` (the operation's JSON, attribute values already marshalled); resolves to the parsed answer. */
  async call(operation: string, body: string): Promise<Record<string, unknown>> {
    try {
      const out = await this.send(operation, body);
      this.observe?.(operation);
      return out;
    } catch (err) {
      this.observe?.(operation, err);
      throw err;
    }
  }

  destroy(): void {
    this.agent.destroy();
  }

  private async send(operation: string, body: string): Promise<Record<string, unknown>> {
    const { hostname, port, protocol, host } = this.url;
    // Signing with the SDK's learnt offset keeps a host with a skewed clock working, as SDK calls do.
    const offset = this.config.systemClockOffset ?? 0;
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
    const res = await new Promise<{ status: number; date?: string; text: string }>((resolve, reject) => {
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
          r.on('end', () =>
            resolve({
              status: r.statusCode ?? 0,
              ...(r.headers.date ? { date: r.headers.date } : {}),
              text: Buffer.concat(chunks).toString(),
            }),
          );
          r.on('error', failed);
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('DynamoDB request timed out'), { name: 'TimeoutError' })),
      );
      req.on('error', failed);
      req.end(body);
    });
    const corrected = this.learnClock(res.date);
    if (res.status >= 200 && res.status < 300) {
      try {
        return JSON.parse(res.text);
      } catch {
        throw Object.assign(new Error('DynamoDB answered with a body that is not JSON'), { $retryable: {} });
      }
    }
    const err = serviceError(res.status, res.text);
    // Refused for a skewed clock, and the offset is now right: worth another attempt (as the SDK's).
    if (corrected) Object.assign(err, { $retryable: err.$retryable ?? {} });
    throw err;
  }

  /** The SDK's rule: an answer's Date more than 5 minutes from ours (offset included) resets the offset. */
  private learnClock(date: string | undefined): boolean {
    const server = date ? Date.parse(date) : Number.NaN;
    if (Number.isNaN(server)) return false;
    const offset = this.config.systemClockOffset ?? 0;
    if (Math.abs(Date.now() + offset - server) < MAX_SKEW_MS) return false;
    this.config.systemClockOffset = server - Date.now();
    return true;
  }
}

const THROTTLING = /ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded/;

type ServiceException = dynamodb.DynamoDBServiceException & { $retryable?: { throttling?: boolean } };
type ExceptionClass = new (opts: Record<string, unknown>) => ServiceException;

/** The client's modeled exception of this name (ConditionalCheckFailedException, …), if any. */
function modeled(name: string): ExceptionClass | undefined {
  const C = (dynamodb as Record<string, unknown>)[name];
  return typeof C === 'function' && C.prototype instanceof dynamodb.DynamoDBServiceException
    ? (C as ExceptionClass)
    : undefined;
}

/** DynamoDB's error answer as the SDK gives it: its exception class, status and retryability. */
function serviceError(status: number, text: string): ServiceException {
  let parsed: { __type?: string; message?: string; Message?: string; Item?: unknown } = {};
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON (a proxy's page): the status says enough
  }
  const name = parsed.__type?.split('#').pop() ?? (status >= 500 ? 'ServiceUnavailable' : `HTTP${status}`);
  const message = parsed.message ?? parsed.Message ?? `DynamoDB answered ${status}`;
  const $metadata = { httpStatusCode: status };
  const Modeled = modeled(name);
  const err = Modeled
    ? new Modeled({ message, $metadata, ...(parsed.Item ? { Item: parsed.Item } : {}) })
    : new dynamodb.DynamoDBServiceException({
        name,
        message,
        $metadata,
        $fault: status >= 500 ? 'server' : 'client',
      });
  const throttling = THROTTLING.test(name);
  if (status >= 500 || throttling) err.$retryable = { throttling };
  return err;
}
