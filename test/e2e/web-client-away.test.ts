import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, postMessage, signUpAll } from '../helpers/app.js';
import { cuttableProxy, T, texts } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

describe('the web client after time away', () => {
  useWebClient();

  it('shows edits, deletes and renames made while its connection was down', { timeout: 90_000 }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const group = await request(srv.url)
      .post('/v1/chats')
      .set(bearer(ann))
      .send({ type: 'group', name: 'Weekend', memberIds: [bob.id] })
      .expect(201);
    const chatId: string = group.body.id;
    const m1 = await postMessage(srv.url, ann, chatId, 'meet at 10');
    const m2 = await postMessage(srv.url, ann, chatId, 'bring snacks');

    const proxy = await cuttableProxy(srv.running.port);
    const page = await (await browser.newContext()).newPage();
    const base = proxy.url;
    await page.goto(base);
    await page.getByLabel('Email').fill(bob.email);
    await page.getByLabel('Password', { exact: true }).fill(bob.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('body[data-synced]').waitFor(T);
    await page.locator('#chat-list button', { hasText: 'Weekend' }).click();
    const bubbles = page.locator('#messages li.msg:not(.pending) .text');
    await texts(bubbles, ['meet at 10', 'bring snacks']);

    proxy.cut(); // Bob's laptop loses the network
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/messages/${m1.id}`)
      .set(bearer(ann))
      .send({ text: 'meet at 11' })
      .expect(200);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${m2.id}`).set(bearer(ann)).expect(200);
    await request(srv.url).patch(`/v1/chats/${chatId}`).set(bearer(ann)).send({ name: 'Sunday' }).expect(200);
    await postMessage(srv.url, ann, chatId, 'see you');
    proxy.restore();

    await texts(bubbles, ['meet at 11', 'This message was deleted', 'see you']);
    await expect.poll(() => page.locator('#chat-list').textContent(), T).toContain('Sunday');
    proxy.close();
  });

  it('shows edits and deletes made while its connection was down in a chat opened only afterwards', {
    timeout: 90_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const group = await request(srv.url)
      .post('/v1/chats')
      .set(bearer(ann))
      .send({ type: 'group', name: 'Later', memberIds: [bob.id] })
      .expect(201);
    const chatId: string = group.body.id;
    const m1 = await postMessage(srv.url, ann, chatId, 'lunch at 12');
    const m2 = await postMessage(srv.url, ann, chatId, 'at the usual place');

    const proxy = await cuttableProxy(srv.running.port);
    const page = await (await browser.newContext()).newPage();
    await page.goto(proxy.url);
    await page.getByLabel('Email').fill(bob.email);
    await page.getByLabel('Password', { exact: true }).fill(bob.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.locator('body[data-synced]').waitFor(T);
    await page.locator('#chat-list button', { hasText: 'Later' }).waitFor(T);

    proxy.cut();
    await page.evaluate('delete document.body.dataset.synced');
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/messages/${m1.id}`)
      .set(bearer(ann))
      .send({ text: 'lunch at 1' })
      .expect(200);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${m2.id}`).set(bearer(ann)).expect(200);
    proxy.restore();
    await page.locator('body[data-synced]').waitFor(T);

    await expect
      .poll(() => page.locator('#chat-list').textContent(), T)
      .toContain('This message was deleted');
    await page.locator('#chat-list button', { hasText: 'Later' }).click();
    await texts(page.locator('#messages li.msg:not(.pending) .text'), [
      'lunch at 1',
      'This message was deleted',
    ]);
    proxy.close();
  });
});
