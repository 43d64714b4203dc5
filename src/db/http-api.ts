import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import * as dynamodb from '@aws-sdk/client-dynamodb';
import { DynamoSigner } from './sigv4.js';

/** What this reads and keeps of the SDK client's resolved config (not in its public types). */
interface SdkConfig {
  endpointProvider(params: Record<string, unknown>): { url: URL };
  /** This host's clock minus AWS's, in ms; shared with the SDK's own calls. */
  systemClockOffset?: number;
}

/** How a call went, for metrics/dynamodb.ts (the SDK's calls are counted by its middleware). */
export type CallObserver = (operation: string, err?: unknown) => void;

export interface HttpApiOptions {
  /** The client whose credentials, region endpoint and clock offset this shares. */
  client: dynamodb.DynamoDBClient;
  region: string;
  /** DynamoDB Local's address; otherwise the region's public endpoint. */
  endpoint: string | undefined;
  requestTimeoutMs: number;
}

/**
 * One DynamoDB operation straight over its HTTP API (JSON in, JSON out): the same SigV4-signed
 * request the SDK sends, with the SDK client's credentials provider, endpoint and clock offset,
 * without its per-call machinery (middleware stack, schema-driven serialisation), which costs
 * more CPU than the request itself (bench/README.md). Errors are the SDK's own exception classes
 * (`instanceof ConditionalCheckFailedException` holds), with `$metadata.httpStatusCode`, and
 * `$retryable` on throttling, 500/502/503/504, network failures and a corrected clock skew. One attempt:
 * callers retry (see doc-client.ts).
 */
export class DynamoHttp {
  private readonly url: URL;
  private readonly signer: DynamoSigner;
  private readonly agent: HttpAgent | HttpsAgent;
  private readonly config: SdkConfig;
  private lastDate: { text: string | undefined; ms: number } = { text: undefined, ms: Number.NaN };
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
    this.signer = new DynamoSigner(opts.region);
  }

  /** Sends `body` (the operation's JSON, attribute values already marshalled); resolves to the parsed answer. */
  async call(operation: string, body: string | Buffer): Promise<Record<string, unknown>> {
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

  private async send(operation: string, body: string | Buffer): Promise<Record<string, unknown>> {
    const { hostname, port, protocol, host } = this.url;
    // The SDK client's provider (it caches and refreshes them).
    const creds = await this.opts.client.config.credentials();
    // Signing with the SDK's learnt offset keeps a host with a skewed clock working, as SDK calls do.
    const offset = this.config.systemClockOffset ?? 0;
    const target = `DynamoDB_20120810.${operation}`;
    const headers = this.signer.sign(host, target, body, creds, new Date(Date.now() + offset));
    const request = protocol === 'https:' ? httpsRequest : httpRequest;
    const { requestTimeoutMs } = this.opts;
    const sentAt = Date.now();
    const res = await new Promise<Answer>((resolve, reject) => {
      const failed = (err: Error & { code?: string }) => {
        clearTimeout(whole);
        // Connection-level failures are worth another attempt; a bad certificate is not.
        reject(TRANSIENT.has(err.code ?? err.name) ? Object.assign(err, { $retryable: {} }) : err);
      };
      const timedOut = () =>
        req.destroy(Object.assign(new Error('DynamoDB request timed out'), { name: 'TimeoutError' }));
      const req = request(
        {
          agent: this.agent,
          method: 'POST',
          hostname,
          port,
          path: '/',
          headers,
          // Idle time, connecting included; `whole` bounds the call, a wait for a free socket too.
          timeout: requestTimeoutMs,
        },
        (r: IncomingMessage) => {
          const chunks: Buffer[] = [];
          r.on('data', (c: Buffer) => chunks.push(c));
          r.on('end', () => {
            clearTimeout(whole);
            resolve({
              status: r.statusCode ?? 0,
              headers: r.headers,
              text: Buffer.concat(chunks).toString(),
            });
          });
          r.on('error', failed);
        },
      );
      // One timer per call, cleared when it settles (not an AbortSignal's, which outlives it).
      const whole = setTimeout(timedOut, 2 * requestTimeoutMs);
      req.on('timeout', timedOut);
      req.on('error', failed);
      req.end(body);
    });
    this.learnClock(res, sentAt);
    if (res.status >= 200 && res.status < 300) {
      try {
        return JSON.parse(res.text);
      } catch {
        // Not retried: the operation may well have been done (an ADD would count twice).
        throw new Error('DynamoDB answered with a body that is not JSON');
      }
    }
    const err = serviceError(res.status, res.text);
    // Refused for a skewed clock, with the offset now corrected (here or by a concurrent call):
    // worth another attempt, as the SDK's signer decides.
    const now = this.config.systemClockOffset ?? 0;
    if (CLOCK_ERRORS.test(err.name) && Math.abs(now) >= SKEW_RETRY_MS && now !== offset)
      err.$retryable = err.$retryable ?? {};
    throw err;
  }

  /**
   * The SDK's signer's rule (@aws-sdk/core): every answer's Date sets the offset, unless it came
   * from a cache (Age) or the call took over 15 minutes.
   */
  private learnClock(res: Answer, sentAt: number): void {
    const date = res.headers.date;
    // The header changes once a second: parsed once, not per answer.
    if (date !== this.lastDate.text) this.lastDate = { text: date, ms: date ? Date.parse(date) : Number.NaN };
    const server = this.lastDate.ms;
    const received = Date.now();
    if (Number.isNaN(server) || res.headers.age !== undefined || received - sentAt > 900_000) return;
    this.config.systemClockOffset = server - received;
  }
}

interface Answer {
  status: number;
  headers: IncomingMessage['headers'];
  text: string;
}

/** Network failures the SDK retries (NODEJS_TIMEOUT_ERROR_CODES and friends), and our timeout. */
const TRANSIENT = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'TimeoutError']);
/** How AWS refuses a request signed too far from its clock. */
const CLOCK_ERRORS = /InvalidSignatureException|RequestTimeTooSkewed|RequestExpired|SignatureDoesNotMatch/;
/** A correction this large makes a refused request worth retrying (the SDK's threshold). */
const SKEW_RETRY_MS = 240_000;

const THROTTLING = /ProvisionedThroughputExceeded|Throttling|RequestLimitExceeded/;
/** The statuses the SDK's standard strategy retries. */
const TRANSIENT_STATUS = new Set([500, 502, 503, 504]);

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
  if (TRANSIENT_STATUS.has(status) || throttling) err.$retryable = { throttling };
  return err;
}
