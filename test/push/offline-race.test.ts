import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

// Presence is asked when a message is planned, which may be a moment after it was delivered live:
// a member whose last socket closed in between already has the message and must not be pushed it.
// Planning is paused to put the disconnect between the two for certain.
describe('push for a member who went offline between a message and its plan', () => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  let srv: TestServer;
  beforeAll(async () => {
    await stub.start();
    srv = await startTestServer({ env: vapid });
  });
  afterAll(async () => {
    await srv?.close();
    await stub.stop();
  });
  afterEach(() => {
    push().resume();
    expect(stub.errors).toEqual([]);
  });
  const push = () => {
    const p = srv.running.services.push;
    if (!p) throw new Error('push is not configured');
    return p;
  };
  const idsTo = (id: string) => stub.to((r) => r.target === id).map((r) => r.payload.messageId);

  /** Bob with a device, in a group with Ann; Ann's socket hears Bob's presence. */
  async function setUp() {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const device = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(device));
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    return { ann, bob, chatId, device, annSocket };
  }

  /** Bob's only socket closes; resolves once the server counts him offline (Ann is told). */
  async function leave(bobSocket: TestSocket, annSocket: TestSocket, bob: TestUser) {
    bobSocket.close();
    await annSocket.next('presence', (p) => p.userId === bob.id && !p.online);
  }

  it('sends no push to a member who was connected when the message was sent', async () => {
    const { ann, bob, chatId, device, annSocket } = await setUp();
    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    await annSocket.next('presence', (p) => p.userId === bob.id && p.online);
    push().pause();
    const live = await postMessage(srv.url, ann, chatId, 'you are here');
    await bobSocket.next('message', (f) => f.message.id === live.id);
    await leave(bobSocket, annSocket, bob);
    push().resume();
    await push().settled();
    expect(idsTo(device.id)).toEqual([]);
    annSocket.close();
  });

  it('pushes once a message sent after the member went offline, planned with one they had live', async () => {
    const { ann, bob, chatId, device, annSocket } = await setUp();
    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    await annSocket.next('presence', (p) => p.userId === bob.id && p.online);
    push().pause();
    const live = await postMessage(srv.url, ann, chatId, 'you are here');
    await bobSocket.next('message', (f) => f.message.id === live.id);
    await leave(bobSocket, annSocket, bob);
    const missed = await postMessage(srv.url, ann, chatId, 'you have gone');
    push().resume();
    await push().settled();
    expect(idsTo(device.id)).toEqual([missed.id]);
    annSocket.close();
  });

  it('pushes once to a member who was offline when the message was sent', async () => {
    const { ann, chatId, device, annSocket } = await setUp();
    const sent = await postMessage(srv.url, ann, chatId, 'are you there?');
    await push().settled();
    expect(idsTo(device.id)).toEqual([sent.id]);
    annSocket.close();
  });
});
