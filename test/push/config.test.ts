import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { vapidEnv } from '../helpers/push-stubs.js';

const staging = {
  STAGE: 'staging',
  JWT_SECRET: 'x'.repeat(40),
  MAIL_FROM: 'Chat-X <no-reply@example.com>',
  APP_URL: 'https://chat.example.com',
};
const p8 = generateKeyPairSync('ec', {
  namedCurve: 'P-256',
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
}).privateKey;
const apns = {
  APNS_KEY_ID: 'ABCDE12345',
  APNS_TEAM_ID: 'TEAM123456',
  APNS_KEY: p8,
  APNS_TOPIC: 'com.example.app',
};

describe('push configuration', () => {
  it('generates VAPID keys in dev, and turns every provider off in test and staging unless set', () => {
    const dev = loadConfig({ STAGE: 'dev' }).push;
    expect(dev.webPush?.generated).toBe(true);
    expect(Buffer.from(dev.webPush?.publicKey ?? '', 'base64url')).toHaveLength(65);
    expect(Buffer.from(dev.webPush?.privateKey ?? '', 'base64url')).toHaveLength(32);
    expect(loadConfig({ STAGE: 'test' }).push).toEqual({ allowLoopbackHttp: true, sendThread: true });
    expect(loadConfig(staging).push).toEqual({ allowLoopbackHttp: false, sendThread: true });
  });

  it('sends from a worker thread unless PUSH_SEND_THREAD=off, and refuses other values', () => {
    expect(loadConfig({ STAGE: 'test', PUSH_SEND_THREAD: 'off' }).push.sendThread).toBe(false);
    expect(() => loadConfig({ STAGE: 'test', PUSH_SEND_THREAD: 'yes' })).toThrow(/PUSH_SEND_THREAD/);
  });

  it('takes all three VAPID variables in staging', () => {
    const vapid = vapidEnv();
    const push = loadConfig({ ...staging, ...vapid }).push;
    expect(push.webPush).toEqual({
      publicKey: vapid.VAPID_PUBLIC_KEY,
      privateKey: vapid.VAPID_PRIVATE_KEY,
      subject: vapid.VAPID_SUBJECT,
      generated: false,
    });
    expect(() => loadConfig({ ...staging, VAPID_PUBLIC_KEY: vapid.VAPID_PUBLIC_KEY })).toThrow(
      /VAPID_PRIVATE_KEY is required/,
    );
  });

  it('reads APNs with "\\n"-escaped PEM, and refuses a partial or malformed set', () => {
    const push = loadConfig({ ...staging, ...apns, APNS_KEY: p8.replace(/\n/g, '\\n') }).push;
    expect(push.apns).toEqual({
      ...{ keyId: 'ABCDE12345', teamId: 'TEAM123456', key: p8, topic: 'com.example.app' },
      host: 'https://api.push.apple.com',
    });
    expect(() => loadConfig({ ...staging, APNS_KEY_ID: 'ABCDE12345' })).toThrow(/APNS_TEAM_ID is required/);
    expect(() => loadConfig({ ...staging, ...apns, APNS_KEY: 'not a key' })).toThrow(
      /APNS_KEY must be the PEM/,
    );
    expect(() => loadConfig({ ...staging, ...apns, APNS_HOST: 'http://apns.example.com' })).toThrow(
      /APNS_HOST must be https/,
    );
  });

  it('reads an FCM service account, and refuses one that is not', () => {
    const account = {
      project_id: 'p1',
      client_email: 'a@p1.iam.gserviceaccount.com',
      private_key: '-----BEGIN PRIVATE KEY-----\n…',
      token_uri: 'https://oauth2.googleapis.com/token',
    };
    const push = loadConfig({ ...staging, FCM_SERVICE_ACCOUNT: JSON.stringify(account) }).push;
    expect(push.fcm).toMatchObject({
      projectId: 'p1',
      tokenUrl: account.token_uri,
      endpoint: 'https://fcm.googleapis.com',
    });
    expect(() => loadConfig({ ...staging, FCM_SERVICE_ACCOUNT: '{not json' })).toThrow(
      /FCM_SERVICE_ACCOUNT must be/,
    );
  });
});
