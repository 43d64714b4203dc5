import { createHash } from 'node:crypto';
import { isIP } from 'node:net';
import type { PushConfig } from '../config.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import { type DeviceView, MAX_DEVICES_PER_USER, type Platform, type RegisterDeviceBody } from './schemas.js';
import { type Device, DeviceLimitReached, type DeviceStore } from './store.js';

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Registering, listing and removing a user's push targets. */
export class DeviceService {
  constructor(
    private readonly store: DeviceStore,
    private readonly push: Pick<PushConfig, 'allowLoopbackHttp' | 'webPush' | 'apns' | 'fcm'>,
  ) {}

  async register(
    userId: string,
    body: RegisterDeviceBody,
  ): Promise<{ device: DeviceView; created: boolean }> {
    this.requireEnabled(body.platform);
    const target = body.platform === 'webpush' ? this.endpoint(body.subscription.endpoint) : body.token;
    const d: Device = {
      id: newId(),
      userId,
      platform: body.platform,
      createdAt: new Date().toISOString(),
      targetKey: createHash('sha256').update(`${body.platform}|${target}`).digest('base64url'),
      ...(body.platform === 'webpush'
        ? { endpoint: target, p256dh: body.subscription.keys.p256dh, auth: body.subscription.keys.auth }
        : { token: body.token }),
    };
    try {
      const { device, created } = await this.store.add(d, MAX_DEVICES_PER_USER);
      return { device: view(device), created };
    } catch (err) {
      if (err instanceof DeviceLimitReached)
        throw new AppError(
          'unprocessable',
          `At most ${MAX_DEVICES_PER_USER} devices per user: remove one with DELETE /v1/devices/{id}`,
        );
      throw err;
    }
  }

  async list(userId: string): Promise<DeviceView[]> {
    return (await this.store.list(userId)).map(view).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async remove(userId: string, id: string): Promise<void> {
    if (!(await this.store.remove(userId, id))) throw notFound('Device not found');
  }

  /** https anywhere public; plain http only to loopback and only where allowed (dev/test). */
  private endpoint(raw: string): string {
    const url = new URL(raw);
    const bad = (message: string) =>
      new AppError('validation_failed', undefined, {
        details: [{ path: 'subscription.endpoint', message }],
      });
    if (url.username || url.password) throw bad('must not carry credentials');
    const loopback = LOOPBACK.has(url.hostname);
    if (url.protocol === 'http:' && !(loopback && this.push.allowLoopbackHttp)) throw bad('must be https');
    // A push service has a public name: an address literal or localhost here points the server at
    // its own network (SSRF), except for a local push service in dev/test.
    if (
      !(loopback && this.push.allowLoopbackHttp) &&
      (loopback || isIP(url.hostname.replace(/^\[|\]$/g, '')))
    )
      throw bad('must name a push service host, not an address');
    return url.href;
  }

  private requireEnabled(platform: Platform): void {
    const on = { webpush: this.push.webPush, apns: this.push.apns, fcm: this.push.fcm }[platform];
    if (!on) throw new AppError('unprocessable', `Push to ${platform} is not configured on this server`);
  }
}

const view = (d: Device): DeviceView => ({ id: d.id, platform: d.platform, createdAt: d.createdAt });
