import type { ChatSettings } from '../chats/schemas.js';
import { isMuted } from '../chats/settings-store.js';
import type { Device } from '../devices/store.js';
import type { Message } from '../messages/schemas.js';
import { type PushPayload, preview } from './payload.js';

/** What the planner reads, narrowly (wired in push/index.ts). */
export interface PlannerDeps {
  membersOf(chatId: string): Promise<string[]>;
  /** Of these users, those with an open socket on any instance. */
  online(userIds: readonly string[]): Promise<Set<string>>;
  devicesOf(userId: string): Promise<Device[]>;
  /** "<chatId>|<userId>" → settings, for those that have any. */
  settingsOf(pairs: { userId: string; chatId: string }[]): Promise<Map<string, ChatSettings>>;
  profiles(userIds: readonly string[]): Promise<{ id: string; name: string; previews: boolean }[]>;
  totalUnread(userId: string): Promise<number>;
}

export interface Delivery {
  device: Device;
  payload: PushPayload;
  messageId: string;
  attempt: number;
}

const PARALLEL = 8;

/**
 * Who gets a push for a new message, and what: every member but the sender with no open socket
 * anywhere, a registered device and the chat not muted; one delivery per device. Reads, in order
 * (each only for those still in): members, presence, devices, settings, profiles, badges.
 */
export async function plan(deps: PlannerDeps, m: Message): Promise<Delivery[]> {
  const others = (await deps.membersOf(m.chatId)).filter((u) => u !== m.senderId);
  if (others.length === 0) return [];
  const online = await deps.online(others);
  const offline = others.filter((u) => !online.has(u));
  const withDevices = (
    await inBatches(offline, async (u) => ({ u, devices: await deps.devicesOf(u) }))
  ).filter((x) => x.devices.length > 0);
  if (withDevices.length === 0) return [];
  const settings = await deps.settingsOf(withDevices.map(({ u }) => ({ userId: u, chatId: m.chatId })));
  const now = Date.now();
  const targets = withDevices.filter(({ u }) => !isMuted(settings.get(`${m.chatId}|${u}`), now));
  if (targets.length === 0) return [];
  const profiles = new Map(
    (await deps.profiles([m.senderId, ...targets.map((t) => t.u)])).map((p) => [p.id, p]),
  );
  const senderName = profiles.get(m.senderId)?.name ?? 'Someone';
  const badges = await inBatches(targets, (t) => deps.totalUnread(t.u));
  return targets.flatMap(({ u, devices }, i) => {
    const payload: PushPayload = {
      type: 'message',
      chatId: m.chatId,
      messageId: m.id,
      senderId: m.senderId,
      senderName,
      ...(profiles.get(u)?.previews !== false && m.text ? { text: preview(m.text) } : {}),
      badge: badges[i] ?? 0,
    };
    return devices.map((device) => ({ device, payload, messageId: m.id, attempt: 0 }));
  });
}

async function inBatches<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL)
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  return out;
}
