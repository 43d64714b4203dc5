import request from 'supertest';
import { bearer, type Target, type TestUser } from './app.js';
import type { TestSubscription } from './push-stubs.js';

/** Registers a device through the API and returns its id. */
export async function registerDevice(app: Target, user: TestUser, body: object): Promise<string> {
  const res = await request(app).post('/v1/devices').set(bearer(user)).send(body);
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export const webPushDevice = (s: TestSubscription) => ({ platform: 'webpush', subscription: s.json });
