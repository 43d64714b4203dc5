import type { Express } from 'express';
import request from 'supertest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import type { Limits } from '../../src/lib/limits.js';
import { createServices, type Services } from '../../src/services.js';
import { silentLogger, testConfig } from './config.js';
import { createTestDb } from './db.js';

export interface TestApp {
  app: Express;
  db: Db;
  services: Services;
  close(): Promise<void>;
}

// Tests sign up many users from one address (127.0.0.1); the limits tests lower these again.
export const roomyLimits: Partial<Limits> = {
  signupPerIp: { capacity: 10_000, windowSeconds: 1 },
  loginPerIp: { capacity: 10_000, windowSeconds: 1 },
  refreshPerIp: { capacity: 10_000, windowSeconds: 1 },
};

export async function createTestApp(
  opts: { limits?: Partial<Limits>; env?: Record<string, string> } = {},
): Promise<TestApp> {
  const db = await createTestDb();
  const config = testConfig(opts.env);
  const services = createServices({ config, db, limits: { ...roomyLimits, ...opts.limits } });
  const app = buildApp({ config, logger: silentLogger(), services, readiness: [] });
  return {
    app,
    db,
    services,
    async close() {
      await services.close();
      db.destroy();
    },
  };
}

/** An in-process app, or the base URL of a running server. */
export type Target = Express | string;

export interface TestUser {
  id: string;
  userName: string;
  email: string;
  password: string;
  accessToken: string;
  refreshToken: string;
}

let counter = 0;

/** Signs up a fresh user through the API. */
export async function signUp(app: Target, name = 'user'): Promise<TestUser> {
  counter += 1;
  const tag = `${name}${counter}_${Math.random().toString(36).slice(2, 8)}`.slice(0, 32);
  const body = { email: `${tag}@example.com`, password: 'correct horse battery', userName: tag };
  const res = await request(app).post('/v1/auth/signup').send(body);
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    id: res.body.user.id,
    userName: tag,
    email: body.email,
    password: body.password,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
  };
}

export const bearer = (u: { accessToken: string }) => ({ Authorization: `Bearer ${u.accessToken}` });

/** Creates a chat through the API as `owner` and returns its id. */
export async function createGroup(
  app: Target,
  owner: TestUser,
  members: readonly TestUser[],
  extra: object = {},
): Promise<string> {
  const res = await request(app)
    .post('/v1/chats')
    .set(bearer(owner))
    .send({ type: 'group', name: 'Team', memberIds: members.map((m) => m.id), ...extra });
  if (res.status !== 201) throw new Error(`create group failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

let msgCounter = 0;

/** Posts a message over REST and returns the stored message. */
export async function postMessage(app: Target, user: TestUser, chatId: string, text = 'hello') {
  msgCounter += 1;
  const res = await request(app)
    .post(`/v1/chats/${chatId}/messages`)
    .set(bearer(user))
    .send({ clientMsgId: `c${msgCounter}-${Math.random().toString(36).slice(2)}`, text });
  if (res.status !== 201) throw new Error(`send failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: string; chatId: string; senderId: string; text: string };
}

/** Signs up one user per name, concurrently; typed as a tuple so destructuring needs no checks. */
export function signUpAll<const N extends readonly string[]>(
  app: Target,
  ...names: N
): Promise<{ [K in keyof N]: TestUser }> {
  return Promise.all(names.map((n) => signUp(app, n))) as Promise<{ [K in keyof N]: TestUser }>;
}
