import type { PushConfig } from '../config.js';
import type { Platform } from '../devices/schemas.js';
import { ApnsProvider } from './apns.js';
import { FcmProvider } from './fcm.js';
import type { PushProvider } from './provider.js';
import { WebPushProvider } from './web-push.js';

export type Providers = Partial<Record<Platform, PushProvider>>;

/** One provider per configured platform, sending on the calling thread. */
export function buildProviders(config: PushConfig): Providers {
  const providers: Providers = {};
  if (config.webPush) providers.webpush = new WebPushProvider(config.webPush);
  if (config.apns) providers.apns = new ApnsProvider(config.apns);
  if (config.fcm) providers.fcm = new FcmProvider(config.fcm);
  return providers;
}
