import { readdirSync, readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import webpush from 'web-push';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The nice value of each thread of this process (Linux), by thread id. */
function threadNices(): Map<number, number> {
  const out = new Map<number, number>();
  for (const tid of readdirSync('/proc/self/task')) {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Fields after the parenthesised name; nice is the 19th field overall.
    out.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return out;
}

describe.each([
  { mode: 'on', onEventLoop: 0 },
  { mode: 'off', onEventLoop: 1 },
])('pushes with PUSH_SEND_THREAD=$mode', ({ mode, onEventLoop }) => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  let srv: TestServer;
  beforeAll(async () => {
    await stub.start();
    srv = await startTestServer({ env: { ...vapid, PUSH_SEND_THREAD: mode } });
  });
  afterAll(async () => {
    await srv?.close();
    await stub.stop();
  });
  afterEach(() => {
    vi.restoreAllMocks();
    expect(stub.errors).toEqual([]);
  });

  it('delivers the same encrypted push, encrypting it on the event loop only when off', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const device = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(device));
    // The library as this thread (the event loop's) has it: the sender thread loads its own copy.
    const encrypt = vi.spyOn(webpush, 'generateRequestDetails');
    const sent = await postMessage(srv.url, ann, chatId, 'on which thread?');
    await srv.running.services.push?.settled();
    const got = stub.to((r) => r.target === device.id);
    expect(got.map((r) => r.payload)).toEqual([
      expect.objectContaining({ messageId: sent.id, text: 'on which thread?', badge: 1 }),
    ]);
    expect(encrypt).toHaveBeenCalledTimes(onEventLoop);
    // On, the sender thread runs at the lowest priority (nice 19) so it only takes spare CPU.
    const lowest = [...threadNices().values()].filter((n) => n === 19);
    expect(lowest).toHaveLength(mode === 'on' ? 1 : 0);
  });
});
