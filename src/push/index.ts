import type { PushConfig } from '../config.js';
import type { Device } from '../devices/store.js';
import type { Logger } from '../lib/logger.js';
import { type LookupTtls, PushLookups } from './lookups.js';
import type { PlannerDeps } from './planner.js';
import { buildProviders } from './providers.js';
import { defaultPushOptions, type PushOptions, PushService } from './service.js';
import { ThreadedProviders } from './thread.js';

export { PushLookups } from './lookups.js';
export { PushService } from './service.js';

/** The configured providers' push service, or undefined when no provider is configured. */
export function createPush(
  config: PushConfig,
  deps: PlannerDeps & { removeDevice(d: Device): Promise<boolean> },
  logger: Logger,
  opts: Partial<PushOptions> = {},
  /** Whether bus events (which forget cached members, mutes and badges) are arriving. */
  busHealthy: () => boolean = () => true,
  ttls?: LookupTtls,
): PushService | undefined {
  if (!config.webPush && !config.apns && !config.fcm) return undefined;
  const providers = config.sendThread
    ? new ThreadedProviders(config, logger).providers()
    : buildProviders(config);
  if (config.webPush?.generated)
    // Dev only: browsers' subscriptions are bound to this key, so keep it across restarts.
    logger.info(
      { VAPID_PUBLIC_KEY: config.webPush.publicKey, VAPID_PRIVATE_KEY: config.webPush.privateKey },
      'web push: generated VAPID keys for this run; set these to keep subscriptions across restarts',
    );
  const lookups = new PushLookups(deps, busHealthy, ttls);
  const removeDevice = async (d: Device) => {
    try {
      return await deps.removeDevice(d);
    } finally {
      lookups.forgetDevices(d.userId);
    }
  };
  const service = new PushService(Object.assign(lookups, { removeDevice }), providers, logger, {
    ...defaultPushOptions,
    ...opts,
  });
  service.lookups = lookups;
  return service;
}
