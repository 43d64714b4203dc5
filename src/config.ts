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
    }
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
}

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
  });
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
