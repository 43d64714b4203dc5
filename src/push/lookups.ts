import type { ChatSettings } from '../chats/schemas.js';
import type { Device } from '../devices/store.js';
import { CappedMap } from '../lib/capped.js';
import type { PlannerDeps } from './planner.js';

/** How long each kind of answer is reused; also the staleness bound for a change on another instance. */
export interface LookupTtls {
  /** Chat members; forgotten at once on member_added/member_removed from any instance (bus). */
  membersMs: number;
  /** A user's devices (an empty list too: "no device" is the common, cheapest answer). */
  devicesMs: number;
  /** Chat settings (mute); forgotten at once on chat_settings from any instance (bus). */
  settingsMs: number;
  /** Display name and the previews setting. */
  profilesMs: number;
  /** A user's total unread; counted up by each message pushed to them meanwhile, forgotten on a read. */
  badgeMs: number;
}

export const defaultLookupTtls: LookupTtls = {
  membersMs: 10_000,
  devicesMs: 10_000,
  settingsMs: 10_000,
  profilesMs: 30_000,
  badgeMs: 10_000,
};

const MAX_ENTRIES = 100_000;
/** Profiles read along with those asked for, at most (one BatchGetItem is 100 keys). */
const MAX_ALONG = 90;

/** A map whose entries expire, oldest dropped past a bound. */
class TtlMap<V> {
  private readonly m = new CappedMap<string, { v: V; until: number }>(MAX_ENTRIES);
  constructor(private readonly ttlMs: number) {}
  get(k: string, now = Date.now()): V | undefined {
    const e = this.m.get(k);
    if (!e) return undefined;
    if (e.until > now) return e.v;
    this.m.delete(k);
    return undefined;
  }
  set(k: string, v: V, now = Date.now()): void {
    this.m.delete(k);
    this.m.set(k, { v, until: now + this.ttlMs });
  }
  delete(k: string): void {
    this.m.delete(k);
  }
  clear(): void {
    this.m.clear();
  }
}

export interface LookupStats {
  /** Reads that went to the store (DynamoDB): misses, each one request or batch. */
  storeReads: number;
  hits: number;
}

/**
 * The planner's reads, remembered per instance for short TTLs so that steady traffic plans a
 * push without touching DynamoDB. This instance's own changes (devices, previews, names) and any
 * instance's bus events (members, mute, reads) are forgotten at once; while the bus is unhealthy
 * bus-invalidated answers are read afresh. Presence is never cached: one Redis call per plan.
 */
export class PushLookups implements PlannerDeps {
  private readonly members: TtlMap<string[]>;
  private readonly devices: TtlMap<Device[]>;
  private readonly settings: TtlMap<ChatSettings | null>;
  private readonly profileMap: TtlMap<{ id: string; name: string; previews: boolean } | null>;
  private readonly badgeMap: TtlMap<{ value: number; seq: number }>;
  /** Messages queued for planning so far. */
  private seq = 0;
  readonly stats: LookupStats = { storeReads: 0, hits: 0 };

  constructor(
    private readonly src: PlannerDeps,
    private readonly busHealthy: () => boolean = () => true,
    ttls: LookupTtls = defaultLookupTtls,
  ) {
    this.members = new TtlMap(ttls.membersMs);
    this.devices = new TtlMap(ttls.devicesMs);
    this.settings = new TtlMap(ttls.settingsMs);
    this.profileMap = new TtlMap(ttls.profilesMs);
    this.badgeMap = new TtlMap(ttls.badgeMs);
  }

  async membersOf(chatId: string): Promise<string[]> {
    const hit = this.busHealthy() ? this.members.get(chatId) : undefined;
    if (hit) return this.hit(hit);
    this.stats.storeReads += 1;
    const ids = await this.src.membersOf(chatId);
    this.members.set(chatId, ids);
    return ids;
  }

  lastOnline(userIds: readonly string[]): Promise<Map<string, number>> {
    return this.src.lastOnline(userIds);
  }

  knownDevices(userId: string): Device[] | undefined {
    return this.devices.get(userId);
  }

  async devicesOf(userId: string): Promise<Device[]> {
    const hit = this.devices.get(userId);
    if (hit) return this.hit(hit);
    this.stats.storeReads += 1;
    const list = await this.src.devicesOf(userId);
    this.devices.set(userId, list);
    return list;
  }

  async settingsOf(pairs: { userId: string; chatId: string }[]): Promise<Map<string, ChatSettings>> {
    const out = new Map<string, ChatSettings>();
    const trust = this.busHealthy();
    const missing = pairs.filter((p) => {
      const hit = trust ? this.settings.get(pairKey(p)) : undefined;
      if (hit !== undefined && hit !== null) out.set(pairKey(p), hit);
      return hit === undefined;
    });
    if (missing.length < pairs.length) this.stats.hits += 1;
    if (missing.length === 0) return out;
    this.stats.storeReads += 1;
    const read = await this.src.settingsOf(missing);
    for (const p of missing) {
      const s = read.get(pairKey(p));
      this.settings.set(pairKey(p), s ?? null);
      if (s) out.set(pairKey(p), s);
    }
    return out;
  }

  /**
   * These users' names and previews settings. On a miss, those of `alongWith` not cached either
   * are read in the same request (the chat's members: its next senders), so a busy chat costs
   * one read of them all rather than one per new sender.
   */
  async profiles(
    userIds: readonly string[],
    alongWith: readonly string[] = [],
  ): Promise<{ id: string; name: string; previews: boolean }[]> {
    const out: { id: string; name: string; previews: boolean }[] = [];
    const missing = userIds.filter((id) => {
      const hit = this.profileMap.get(id);
      if (hit) out.push(hit);
      return hit === undefined;
    });
    if (missing.length === 0) return this.hit(out);
    this.stats.storeReads += 1;
    const wanted = new Set(missing);
    const extra = alongWith.filter((id) => !wanted.has(id) && this.profileMap.get(id) === undefined);
    const read = await this.src.profiles([...missing, ...extra.slice(0, MAX_ALONG)]);
    const byId = new Map(read.map((p) => [p.id, p]));
    for (const id of [...missing, ...extra.slice(0, MAX_ALONG)])
      this.profileMap.set(id, byId.get(id) ?? null);
    return [...out, ...read.filter((p) => wanted.has(p.id))];
  }

  /**
   * The badges of new messages for this user, by their queue numbers (`queued`), oldest first:
   * their total unread. Read afresh at most every `badgeMs`; the read counts every message queued
   * before it completed (counted and queued in the same tick, see the writer), so later plans add
   * one for each message queued after it only. A read anywhere (bus) forgets it. So a badge can
   * lag by messages not pushed to them (muted chats, other instances), for `badgeMs` at most.
   */
  async badges(userId: string, seqs: readonly number[]): Promise<number[]> {
    const hit = this.busHealthy() ? this.badgeMap.get(userId) : undefined;
    if (hit) {
      this.stats.hits += 1;
      return seqs.map((s) => {
        if (s > hit.seq) hit.value += 1;
        return hit.value;
      });
    }
    this.stats.storeReads += 2; // memberships, then their chats' activity
    const total = await this.src.totalUnread(userId);
    this.badgeMap.set(userId, { value: total, seq: this.seq });
    return seqs.map((_, i) => Math.max(0, total - seqs.length + i + 1));
  }

  /** A message was queued for planning: its number (see `badges`). */
  queued(): number {
    this.seq += 1;
    return this.seq;
  }

  totalUnread(userId: string): Promise<number> {
    return this.src.totalUnread(userId);
  }

  forgetMembers(chatId: string): void {
    this.members.delete(chatId);
  }

  forgetDevices(userId: string): void {
    this.devices.delete(userId);
  }

  forgetSettings(chatId: string, userId: string): void {
    this.settings.delete(pairKey({ chatId, userId }));
  }

  forgetProfile(userId: string): void {
    this.profileMap.delete(userId);
  }

  forgetBadge(userId: string): void {
    this.badgeMap.delete(userId);
  }

  clear(): void {
    for (const m of [this.members, this.devices, this.settings, this.profileMap, this.badgeMap]) m.clear();
  }

  private hit<T>(v: T): T {
    this.stats.hits += 1;
    return v;
  }
}

const pairKey = (p: { chatId: string; userId: string }) => `${p.chatId}|${p.userId}`;
