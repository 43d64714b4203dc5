import { createECDH } from 'node:crypto';
import { z } from 'zod';

// The only module that reads process.env: everything else receives a frozen Config.

const stages = ['dev', 'test', 'staging', 'prod'] as const;
const deployed = (stage: string) => stage === 'staging' || stage === 'prod';

const intFrom = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return fallback;
      if (!/^\d+$/.test(v)) {
        ctx.addIssue({ code: 'custom', message: `must be a whole number, got "${v}"` });
        return z.NEVER;
      }
      const n = Number(v);
      if (n < min || n > max) {
        ctx.addIssue({ code: 'custom', message: `must be between ${min} and ${max}, got ${n}` });
        return z.NEVER;
      }
      return n;
    });

const csv = z
  .string()
  .optional()
  .transform((v) =>
    (v ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );

const envSchema = z
  .object({
    PORT: intFrom(8080, 0, 65535),
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    STAGE: z.enum(stages).default('dev'),
    /** STAGE as given (the default above hides whether it was). */
    STAGE_EXPLICIT: z.string().optional(),
    AWS_REGION: z.string().min(1).default('us-east-1'),
    DYNAMODB_ENDPOINT: z.url().optional(),
    TABLE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_.-]*$/, 'may contain only letters, digits, "_", "-" and "."')
      .default('chatx-dev-'),
    JWT_SECRET: z.string().optional(),
    BCRYPT_ROUNDS: intFrom(12, 4, 15),
    REDIS_URL: z.url().optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: csv,
    TRUST_PROXY_HOPS: intFrom(0, 0, 10),
    MAX_CONNECTIONS_PER_IP: intFrom(50, 1, 100_000),
    /** Base URL of the web client; password-reset links point at <APP_URL>/reset. */
    APP_URL: z.url().optional(),
    MAIL_FROM: z.string().min(3).optional(),
    /** dev/test only: where mail goes instead of SES. */
    MAIL_SINK: z.enum(['log', 'file']).default('log'),
    MAIL_SINK_FILE: z.string().min(1).optional(),
    SES_ENDPOINT: z.url().optional(),
    /** Prometheus `GET /metrics` listener; 0 turns it off. Never the public PORT. */
    METRICS_PORT: intFrom(9464, 0, 65535),
    /** CloudWatch agent's embedded-metric-format listener, e.g. udp://127.0.0.1:25888. */
    METRICS_EMF_URL: z
      .url()
      .refine((u) => /^udp:\/\/[^/]+:\d+\/?$/.test(u), 'must be udp://host:port')
      .optional(),
    /** How long after sending a sender may edit / delete a message for everyone. */
    EDIT_WINDOW_SECONDS: intFrom(900, 1, 10 * 365 * 86_400),
    DELETE_WINDOW_SECONDS: intFrom(172_800, 1, 10 * 365 * 86_400),
    /**
     * How long a send may wait for others to share its DynamoDB write when none is in flight
     * (group commit): longer means fewer, fuller BatchWriteItem calls and a later ack.
     */
    WRITER_MAX_DELAY_MS: intFrom(5, 0, 100),
    /** Length of a chat's history bucket (one partition each). Never change it once data is written. */
    MESSAGE_BUCKET_SECONDS: intFrom(86_400, 1, 365 * 86_400),
    /** Web Push (VAPID, RFC 8292): base64url keys as `web-push generate-vapid-keys` prints them. */
    VAPID_PUBLIC_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{87}$/, 'must be a base64url 65-byte P-256 public key')
      .optional(),
    VAPID_PRIVATE_KEY: z
      .string()
      .regex(/^[A-Za-z0-9_-]{43}$/, 'must be a base64url 32-byte P-256 private key')
      .optional(),
    VAPID_SUBJECT: z
      .string()
      .regex(/^(mailto:.+@.+|https:\/\/.+)$/, 'must be a mailto: or https: URL')
      .optional(),
    /** APNs token auth: the key's id, the team id, the .p8 key (PEM; "\n" escapes allowed), the app's bundle id. */
    APNS_KEY_ID: z
      .string()
      .regex(/^[A-Z0-9]{10}$/, 'must be a 10-character key id')
      .optional(),
    APNS_TEAM_ID: z
      .string()
      .regex(/^[A-Z0-9]{10}$/, 'must be a 10-character team id')
      .optional(),
    APNS_KEY: z.string().min(1).optional(),
    APNS_TOPIC: z.string().min(1).max(255).optional(),
    APNS_HOST: z.url().default('https://api.push.apple.com'),
    /** FCM HTTP v1: the service account's JSON key (its content, not a path). */
    FCM_SERVICE_ACCOUNT: z.string().min(2).optional(),
    FCM_ENDPOINT: z.url().default('https://fcm.googleapis.com'),
    FCM_TOKEN_URL: z.url().optional(),
    /** Encrypt and send pushes on a worker thread (push/thread.ts); off: on the event loop. */
    PUSH_SEND_THREAD: z.enum(['on', 'off']).default('on'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production') {
      // A production build must never fall back to the dev stage and its published secret.
      if (env.STAGE_EXPLICIT === undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['STAGE'],
          message: 'must be set explicitly when NODE_ENV=production',
        });
      else if (!env.JWT_SECRET)
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message: 'is required when NODE_ENV=production',
        });
    }
    if (deployed(env.STAGE)) {
      if (!env.JWT_SECRET) {
        ctx.addIssue({
          code: 'custom',
          path: ['JWT_SECRET'],
          message: `is required when STAGE=${env.STAGE}`,
        });
      }
      if (env.BCRYPT_ROUNDS < 10) {
        ctx.addIssue({
          code: 'custom',
          path: ['BCRYPT_ROUNDS'],
          message: `must be at least 10 when STAGE=${env.STAGE}, got ${env.BCRYPT_ROUNDS}`,
        });
      }
      // Deployed stages send real mail: a sender and the links' origin must be chosen, not defaulted.
      for (const name of ['MAIL_FROM', 'APP_URL'] as const)
        if (!env[name])
          ctx.addIssue({ code: 'custom', path: [name], message: `is required when STAGE=${env.STAGE}` });
    }
    if (!deployed(env.STAGE) && env.MAIL_SINK === 'file' && !env.MAIL_SINK_FILE) {
      ctx.addIssue({ code: 'custom', path: ['MAIL_SINK_FILE'], message: 'is required when MAIL_SINK=file' });
    }
    if (env.METRICS_PORT !== 0 && env.METRICS_PORT === env.PORT) {
      ctx.addIssue({
        code: 'custom',
        path: ['METRICS_PORT'],
        message: 'must differ from PORT (never public)',
      });
    }
    pushRefinements(env, ctx, deployed(env.STAGE));
    if (env.JWT_SECRET !== undefined && Buffer.byteLength(env.JWT_SECRET) < 32) {
      ctx.addIssue({ code: 'custom', path: ['JWT_SECRET'], message: 'must be at least 32 bytes long' });
    }
  });

export interface Config {
  readonly port: number;
  readonly nodeEnv: 'development' | 'test' | 'production';
  readonly stage: (typeof stages)[number];
  readonly awsRegion: string;
  readonly dynamodbEndpoint: string | undefined;
  readonly tablePrefix: string;
  readonly jwtSecret: string;
  readonly bcryptRounds: number;
  readonly redisUrl: string | undefined;
  readonly logLevel: string;
  readonly corsOrigins: readonly string[];
  /** Proxies in front of the app (ALB + nginx = 2); decides which X-Forwarded-For entry is the client. */
  readonly trustProxyHops: number;
  /** Open WebSocket connections per client address, authenticated or not; more are refused with 429. */
  readonly maxConnectionsPerIp: number;
  /** Base URL of the web client, without a trailing slash. */
  readonly appUrl: string;
  readonly mail: MailConfig;
  /** Port of the separate metrics listener (GET /metrics); 0 = off. */
  readonly metricsPort: number;
  readonly metricsEmfUrl: string | undefined;
  /** Seconds after sending within which the sender may edit a message. */
  readonly editWindowSeconds: number;
  /** Seconds after sending within which the sender may delete a message for everyone. */
  readonly deleteWindowSeconds: number;
  /** Length of a chat's history bucket (messages/buckets.ts); fixed for the life of the data. */
  readonly messageBucketSeconds: number;
  /** Group commit: how long a send waits for company before its batch is written (messages/writer.ts). */
  readonly writerMaxDelayMs: number;
  /** Push providers; a provider left unconfigured is off (its devices are refused with 422). */
  readonly push: PushConfig;
}

export interface PushConfig {
  readonly webPush?: {
    readonly publicKey: string;
    readonly privateKey: string;
    readonly subject: string;
    /** Generated at start (dev/test without VAPID_* set): logged once so it can be kept. */
    readonly generated: boolean;
  };
  readonly apns?: {
    readonly keyId: string;
    readonly teamId: string;
    /** PEM (PKCS#8) of the .p8 signing key. */
    readonly key: string;
    readonly topic: string;
    readonly host: string;
  };
  readonly fcm?: {
    readonly projectId: string;
    readonly clientEmail: string;
    readonly privateKey: string;
    readonly tokenUrl: string;
    readonly endpoint: string;
  };
  /** Push endpoints may be plain http to loopback (dev/test: local push services); else https only. */
  readonly allowLoopbackHttp: boolean;
  /** Encryption and requests on a worker thread at low priority, not on the event loop. */
  readonly sendThread: boolean;
}

/** SES in staging and production; a local sink (log or file) in dev and test. */
export type MailConfig =
  | { readonly transport: 'ses'; readonly from: string; readonly sesEndpoint: string | undefined }
  | { readonly transport: 'file'; readonly from: string; readonly sinkFile: string }
  | { readonly transport: 'log'; readonly from: string };

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// Dev and test get a fixed, obviously-unsafe secret so `pnpm dev` needs no set-up; staging/prod must set one.
const DEV_JWT_SECRET = 'dev-only-secret-do-not-use-in-production-000';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse({ ...env, STAGE_EXPLICIT: env.STAGE || undefined });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const name = issue?.path.join('.') || 'environment';
    throw new ConfigError(`Invalid configuration: ${name} ${issue?.message ?? 'is invalid'}`);
  }
  const e = parsed.data;
  return Object.freeze({
    port: e.PORT,
    nodeEnv: e.NODE_ENV,
    stage: e.STAGE,
    awsRegion: e.AWS_REGION,
    dynamodbEndpoint: e.DYNAMODB_ENDPOINT,
    tablePrefix: e.TABLE_PREFIX,
    jwtSecret: e.JWT_SECRET ?? DEV_JWT_SECRET,
    bcryptRounds: e.BCRYPT_ROUNDS,
    redisUrl: e.REDIS_URL,
    logLevel: e.LOG_LEVEL,
    corsOrigins: Object.freeze([...e.CORS_ORIGINS]),
    trustProxyHops: e.TRUST_PROXY_HOPS,
    maxConnectionsPerIp: e.MAX_CONNECTIONS_PER_IP,
    appUrl: (e.APP_URL ?? `http://localhost:${e.PORT || 8080}`).replace(/\/+$/, ''),
    mail: Object.freeze(mailConfig(e)),
    metricsPort: e.METRICS_PORT,
    metricsEmfUrl: e.METRICS_EMF_URL,
    editWindowSeconds: e.EDIT_WINDOW_SECONDS,
    deleteWindowSeconds: e.DELETE_WINDOW_SECONDS,
    messageBucketSeconds: e.MESSAGE_BUCKET_SECONDS,
    writerMaxDelayMs: e.WRITER_MAX_DELAY_MS,
    push: Object.freeze(pushConfig(e, deployed(e.STAGE))),
  });
}

const DEV_MAIL_FROM = 'Chat-X <no-reply@localhost>';

function mailConfig(e: z.infer<typeof envSchema>): MailConfig {
  const from = e.MAIL_FROM ?? DEV_MAIL_FROM;
  if (deployed(e.STAGE)) return { transport: 'ses', from, sesEndpoint: e.SES_ENDPOINT };
  if (e.MAIL_SINK === 'file') return { transport: 'file', from, sinkFile: e.MAIL_SINK_FILE ?? '' };
  return { transport: 'log', from };
}

const dbEnvSchema = z.object({
  AWS_REGION: z.string().min(1).default('us-east-1'),
  DYNAMODB_ENDPOINT: z.url().optional(),
  TABLE_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_.-]*$/)
    .optional(),
});

/** Just what table tooling needs (no JWT secret etc.); `stage` picks the default prefix chatx-<stage>-. */
export function loadDbConfig(env: Record<string, string | undefined>, stage?: string) {
  const parsed = dbEnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`Invalid configuration: ${issue?.path.join('.')} ${issue?.message}`);
  }
  return Object.freeze({
    region: parsed.data.AWS_REGION,
    endpoint: parsed.data.DYNAMODB_ENDPOINT,
    tablePrefix: parsed.data.TABLE_PREFIX ?? `chatx-${stage ?? 'dev'}-`,
  });
}

type Env = z.infer<typeof envSchema>;

const serviceAccount = z.object({
  project_id: z.string().min(1),
  client_email: z.string().min(3),
  private_key: z.string().includes('PRIVATE KEY'),
  token_uri: z.url().optional(),
});

function parseServiceAccount(json: string) {
  try {
    return serviceAccount.safeParse(JSON.parse(json));
  } catch {
    return undefined;
  }
}

/** A provider is on when any of its variables is set; then all of them must be. */
function pushRefinements(env: Env, ctx: z.RefinementCtx, isDeployed: boolean): void {
  const groups = {
    VAPID: ['VAPID_PUBLIC_KEY', 'VAPID_PRIVATE_KEY', 'VAPID_SUBJECT'],
    APNS: ['APNS_KEY_ID', 'APNS_TEAM_ID', 'APNS_KEY', 'APNS_TOPIC'],
  } as const;
  for (const names of Object.values(groups)) {
    if (!names.some((n) => env[n])) continue;
    // Dev may set only a subject and let the keys be generated.
    if (!isDeployed && names[0] === 'VAPID_PUBLIC_KEY' && !env.VAPID_PUBLIC_KEY && !env.VAPID_PRIVATE_KEY)
      continue;
    for (const n of names)
      if (!env[n])
        ctx.addIssue({ code: 'custom', path: [n], message: `is required with ${names.join(', ')}` });
  }
  if (env.APNS_KEY && !/-----BEGIN PRIVATE KEY-----/.test(unescapePem(env.APNS_KEY)))
    ctx.addIssue({ code: 'custom', path: ['APNS_KEY'], message: 'must be the PEM text of the .p8 key' });
  if (env.FCM_SERVICE_ACCOUNT && !parseServiceAccount(env.FCM_SERVICE_ACCOUNT)?.success)
    ctx.addIssue({
      code: 'custom',
      path: ['FCM_SERVICE_ACCOUNT'],
      message: 'must be a service account JSON key (project_id, client_email, private_key)',
    });
  if (isDeployed)
    for (const n of ['APNS_HOST', 'FCM_ENDPOINT', 'FCM_TOKEN_URL'] as const)
      if (env[n]?.startsWith('http:'))
        ctx.addIssue({ code: 'custom', path: [n], message: `must be https when STAGE=${env.STAGE}` });
}

/** Secrets set with `eb setenv` often carry the PEM's line breaks as "\n". */
const unescapePem = (pem: string) => pem.replace(/\\n/g, '\n');

function pushConfig(e: Env, isDeployed: boolean): PushConfig {
  const sa = e.FCM_SERVICE_ACCOUNT ? parseServiceAccount(e.FCM_SERVICE_ACCOUNT)?.data : undefined;
  return {
    ...(e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY
      ? {
          webPush: Object.freeze({
            publicKey: e.VAPID_PUBLIC_KEY,
            privateKey: e.VAPID_PRIVATE_KEY,
            subject: e.VAPID_SUBJECT ?? DEV_VAPID_SUBJECT,
            generated: false,
          }),
        }
      : e.STAGE === 'dev'
        ? {
            webPush: Object.freeze({
              ...generateVapidKeys(),
              subject: e.VAPID_SUBJECT ?? DEV_VAPID_SUBJECT,
              generated: true,
            }),
          }
        : {}),
    ...(e.APNS_KEY_ID && e.APNS_TEAM_ID && e.APNS_KEY && e.APNS_TOPIC
      ? {
          apns: Object.freeze({
            keyId: e.APNS_KEY_ID,
            teamId: e.APNS_TEAM_ID,
            key: unescapePem(e.APNS_KEY),
            topic: e.APNS_TOPIC,
            host: e.APNS_HOST.replace(/\/+$/, ''),
          }),
        }
      : {}),
    ...(sa
      ? {
          fcm: Object.freeze({
            projectId: sa.project_id,
            clientEmail: sa.client_email,
            privateKey: sa.private_key,
            tokenUrl: e.FCM_TOKEN_URL ?? sa.token_uri ?? 'https://oauth2.googleapis.com/token',
            endpoint: e.FCM_ENDPOINT.replace(/\/+$/, ''),
          }),
        }
      : {}),
    allowLoopbackHttp: !isDeployed,
    sendThread: e.PUSH_SEND_THREAD === 'on',
  };
}

const DEV_VAPID_SUBJECT = 'mailto:dev@localhost.invalid';

/** A fresh P-256 key pair in the base64url forms VAPID uses (65-byte public point, 32-byte secret). */
function generateVapidKeys(): { publicKey: string; privateKey: string } {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  const secret = ecdh.getPrivateKey();
  return {
    publicKey: ecdh.getPublicKey().toString('base64url'),
    privateKey: Buffer.concat([Buffer.alloc(32 - secret.length), secret]).toString('base64url'),
  };
}
