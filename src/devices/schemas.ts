import { createECDH } from 'node:crypto';
import { z } from 'zod';
import { ULID_PATTERN } from '../lib/patterns.js';

export const MAX_DEVICES_PER_USER = 10;

const base64url = (bytes: number, what: string) =>
  z
    .string()
    .regex(/^[A-Za-z0-9_-]+={0,2}$/, `must be base64url (${what})`)
    .refine((s) => Buffer.from(s, 'base64url').length === bytes, `must be ${bytes} bytes (${what})`);

/** A point on P-256 in uncompressed form (0x04 ‖ x ‖ y): ECDH with it must succeed. */
const p256Point = base64url(65, 'an uncompressed P-256 point').refine((s) => {
  try {
    const ecdh = createECDH('prime256v1');
    ecdh.generateKeys();
    ecdh.computeSecret(Buffer.from(s, 'base64url'));
    return true;
  } catch {
    return false;
  }
}, 'must be a point on the P-256 curve');

/** The browser's PushSubscription.toJSON(); the endpoint's scheme and host are checked by the service. */
export const webPushSubscription = z.object({
  endpoint: z
    .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
    .max(2048, 'must be at most 2048 characters'),
  expirationTime: z.number().nullable().optional(),
  keys: z.object({ p256dh: p256Point, auth: base64url(16, 'the auth secret') }),
});

export const registerDeviceBody = z.discriminatedUnion('platform', [
  z.strictObject({ platform: z.literal('webpush'), subscription: webPushSubscription }),
  z.strictObject({
    platform: z.literal('apns'),
    token: z
      .string()
      .regex(/^([0-9a-fA-F]{2}){32,100}$/, 'must be the hex device token (64 to 200 hex digits)'),
  }),
  z.strictObject({
    platform: z.literal('fcm'),
    token: z
      .string()
      .min(20, 'must be an FCM registration token')
      .max(4096)
      .regex(/^[A-Za-z0-9_:.-]+$/, 'must be an FCM registration token'),
  }),
]);
export type RegisterDeviceBody = z.infer<typeof registerDeviceBody>;

export const deviceIdSchema = z.string().regex(ULID_PATTERN, 'must be a device id');

export const platformSchema = z.enum(['webpush', 'apns', 'fcm']);
export type Platform = z.infer<typeof platformSchema>;

export const device = z.object({ id: z.string(), platform: platformSchema, createdAt: z.string() });
export type DeviceView = z.infer<typeof device>;
export const deviceList = z.object({ devices: z.array(device) });

export const vapidKey = z.object({
  publicKey: z.string().describe('base64url, 65-byte uncompressed P-256 point: applicationServerKey'),
});
