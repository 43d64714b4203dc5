import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { type Cluster, startCluster } from '../helpers/cluster.js';
import type { ServerProcess } from '../helpers/process.js';
import { TestSocket } from '../helpers/ws.js';

// Instance B holds no member of the chat, so it does not listen to it, until one of its users is
// added: the addition reaches B on the user's own channel, B starts listening, and the device is
// asked to sync in case something was published before that took effect.
describe('a user added to a chat that their instance was not receiving', () => {
  let cluster: Cluster;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    cluster = await startCluster(2);
    [a, b] = cluster.servers as [ServerProcess, ServerProcess];
  }, 90_000);
  afterAll(() => cluster?.stop());

  it('gets member_added, then resync, then the chat live on its instance', { timeout: 60_000 }, async () => {
    const [owner, newcomer] = await signUpAll(a.url, 'owner', 'newcomer');
    const chatId = await createGroup(a.url, owner, []);
    const onB = await TestSocket.ready(`ws://127.0.0.1:${b.port}/v1/ws`, newcomer.accessToken);

    await request(a.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(owner))
      .send({ userId: newcomer.id })
      .expect(201);
    await onB.next('member_added', (f) => f.chatId === chatId, 10_000);
    await onB.next('resync', () => true, 10_000);
    const live = await postMessage(a.url, owner, chatId, 'welcome');
    const frame = await onB.next('message', (f) => f.message.id === live.id, 10_000);
    expect(frame.message.text).toBe('welcome');
    onB.close();
  });
});
