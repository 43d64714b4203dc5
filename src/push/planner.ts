import type { ChatSettings } from '../chats/schemas.js';
import { isMuted } from '../chats/settings-store.js';
import type { Device } from '../devices/store.js';
import type { Message } from '../messages/schemas.js';
import { type PushPayload, preview } from './payload.js';

/** What the planner reads, narrowly (wired in services.ts, cached by push/lookups.ts). */
export interface PlannerDeps {
  membersOf(chatId: string): Promise<string[]>;
  /** When each was last online on any instance: Infinity if now, absent if not lately (presence.ts). */
  lastOnline(userIds: readonly string[]): Promise<Map<string, number>>;
  devicesOf(userId: string): Promise<Device[]>;
  /** "<chatId>|<userId>" → settings, for those that have any. */
  settingsOf(pairs: { userId: string; chatId: string }[]): Promise<Map<string, ChatSettings>>;
  /** `alongWith`: others worth reading in the same request (a cache may; the store ignores them). */
  profiles(
    userIds: readonly string[],
    alongWith?: readonly string[],
  ): Promise<{ id: string; name: string; previews: boolean }[]>;
  totalUnread(userId: string): Promise<number>;
}

/** The planner's view: as above, with the badges of several new messages for one user at once. */
export interface PlanSource extends Omit<PlannerDeps, 'totalUnread'> {
  /** Total unread after each of these new messages for this user (by queue number), oldest first. */
  badges(userId: string, seqs: readonly number[]): Promise<number[]>;
  /** The user's devices if known without a read (cached), else undefined. */
  knownDevices?(userId: string): Device[] | undefined;
}

/** A message waiting to be planned, numbered in queue order. */
export interface Queued {
  message: Message;
  seq: number;
  /** When it was queued: just after it was stored and handed to the live fan-out (writer hooks). */
  at: number;
}

export interface Delivery {
  device: Device;
  payload: PushPayload;
  messageId: string;
  attempt: number;
}

const PARALLEL = 8;

/**
 * Who gets a push for new messages of one chat, and what: for each message, every member but its
 * sender who was offline everywhere when it was queued, i.e. just stored and fanned out (online
 * then, it was delivered live, even if the socket closed before this plan; `createdAt` is older,
 * from before the write, and a socket closed during the write got no frame), with a registered
 * device and the chat not muted; one delivery per device. The messages share each read (members,
 * presence, devices, settings, profiles, badges), each only for those still in; a member with no
 * device costs nothing past the device check.
 */
export async function plan(deps: PlanSource, batch: readonly Queued[]): Promise<Delivery[]> {
  const first = batch[0]?.message;
  if (!first) return [];
  const chatId = first.chatId;
  const senders = new Set(batch.map((q) => q.message.senderId));
  const members = await deps.membersOf(chatId);
  // A member who sent every one of these gets none of them.
  const others = members.filter((u) => !(senders.size === 1 && senders.has(u)));
  if (others.length === 0) return [];
  // Members known to have no device cost nothing more; for the rest, presence first (in memory,
  // or one Redis call), then the devices of those who missed messages only: most members of a
  // busy chat are online, and their device lists would be reads for nothing.
  const maybe = others.filter((u) => deps.knownDevices?.(u)?.length !== 0);
  if (maybe.length === 0) return [];
  const lastOnline = await deps.lastOnline(maybe);
  // Per member, the messages they missed live: not theirs, queued after they were last online.
  const missed = (u: string) => {
    const seen = lastOnline.get(u) ?? Number.NEGATIVE_INFINITY;
    return batch.filter((q) => q.message.senderId !== u && q.at > seen);
  };
  const away = maybe.map((u) => ({ u, missed: missed(u) })).filter((x) => x.missed.length > 0);
  const offline = (await inBatches(away, async (x) => ({ ...x, devices: await deps.devicesOf(x.u) }))).filter(
    (x) => x.devices.length > 0,
  );
  if (offline.length === 0) return [];
  const settings = await deps.settingsOf(offline.map(({ u }) => ({ userId: u, chatId })));
  const now = Date.now();
  const targets = offline.filter(({ u }) => !isMuted(settings.get(`${chatId}|${u}`), now));
  if (targets.length === 0) return [];
  const profiles = new Map(
    (await deps.profiles([...senders, ...targets.map((t) => t.u)], members)).map((p) => [p.id, p]),
  );
  const badges = await inBatches(targets, (t) =>
    deps.badges(
      t.u,
      t.missed.map((q) => q.seq),
    ),
  );
  return targets.flatMap(({ u, devices, missed }, i) =>
    missed.flatMap(({ message: m }, k) => {
      const payload: PushPayload = {
        type: 'message',
        chatId,
        messageId: m.id,
        senderId: m.senderId,
        senderName: profiles.get(m.senderId)?.name ?? 'Someone',
        ...(profiles.get(u)?.previews !== false && m.text ? { text: preview(m.text) } : {}),
        badge: badges[i]?.[k] ?? 0,
      };
      return devices.map((device) => ({ device, payload, messageId: m.id, attempt: 0 }));
    }),
  );
}

async function inBatches<T, R>(items: readonly T[], fn: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += PARALLEL)
    out.push(...(await Promise.all(items.slice(i, i + PARALLEL).map(fn))));
  return out;
}
