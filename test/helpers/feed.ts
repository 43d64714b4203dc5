import request from 'supertest';
import { expect } from 'vitest';
import { bearer, type TestUser } from './app.js';
import { TestSocket } from './ws.js';

/** A device's first sync over REST: no changes, only the current token. */
export async function firstToken(url: string, u: TestUser): Promise<string> {
  const res = await request(url).get('/v1/sync').set(bearer(u)).expect(200);
  expect(res.body).toMatchObject({ changes: [], complete: true });
  return res.body.token;
}

/** Connects, syncs from `since` and returns the frames replayed before `synced`. */
export async function wsSync(wsUrl: string, u: TestUser, since: string) {
  const s = await TestSocket.ready(wsUrl, u.accessToken);
  const before = s.frames.length;
  s.send({ type: 'sync', since });
  const synced = await s.next('synced');
  const at = s.frames.indexOf(synced);
  const replay = s.frames.slice(before, at).filter((f) => f.type !== 'presence');
  s.close();
  return { replay, synced };
}
