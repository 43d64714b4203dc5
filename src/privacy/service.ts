import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem } from '../feed/log.js';
import { personalLogId } from '../feed/personal.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { UserStore } from '../users/store.js';
import { toPublicUser } from '../users/view.js';
import { PrivacyCache } from './cache.js';
import type { PrivacyPatch, PrivacySettings } from './schemas.js';
import { type PrivacyState, type PrivacyStore, TooManyBlocks } from './store.js';

export interface PrivacyServiceDeps {
  store: PrivacyStore;
  users: UserStore;
  bus: Publisher & { healthy(): boolean };
  inbox: Pick<Inbox, 'cover'>;
  /** Most users one person may block. */
  maxBlocks: number;
}

const settingsOf = (s: PrivacyState): PrivacySettings => ({
  lastSeen: s.lastSeen,
  readReceipts: s.readReceipts,
  groupAdd: s.groupAdd,
});

/**
 * Blocks and privacy settings: the rules for changing them, and a cached read of them for every
 * check elsewhere (sends, adds, presence, read markers). Changes are logged in the user's personal
 * log, so their other devices learn of them live or on sync; the blocked user is never told.
 */
export class PrivacyService {
  readonly cache: PrivacyCache;

  constructor(private readonly deps: PrivacyServiceDeps) {
    this.cache = new PrivacyCache(deps.store, () => deps.bus.healthy());
  }

  state(userId: string): Promise<PrivacyState> {
    return this.cache.get(userId);
  }

  states(userIds: readonly string[]): Promise<Map<string, PrivacyState>> {
    return this.cache.getMany(userIds);
  }

  async settings(userId: string): Promise<PrivacySettings> {
    return settingsOf(await this.state(userId));
  }

  async update(userId: string, patch: PrivacyPatch): Promise<PrivacySettings> {
    const next = { ...settingsOf(await this.cache.fresh(userId)), ...definedOnly(patch) };
    const chatId = personalLogId(userId);
    const pos = await this.position(userId);
    const event = { type: 'privacy_updated' as const, chatId, pos, userId, settings: next };
    await this.deps.store.setSettings(userId, patch, changeItem(chatId, pos, [event]));
    this.cache.forget(userId);
    this.deps.bus.publish(event);
    return next;
  }

  /** Blocks `targetId` (idempotent). 404 for an unknown user, 422 for myself. */
  async block(userId: string, targetId: string): Promise<void> {
    await this.setBlock(userId, targetId, true);
  }

  async unblock(userId: string, targetId: string): Promise<void> {
    await this.setBlock(userId, targetId, false);
  }

  /** The users I blocked, with their names (a deleted account shows as "deleted"). */
  async list(userId: string) {
    const { blocked } = await this.cache.fresh(userId);
    const profiles = new Map((await this.deps.users.getMany([...blocked])).map((u) => [u.id, u]));
    return [...blocked].sort().map((id) => {
      const p = profiles.get(id);
      const { userName, displayName } = p ? toPublicUser(p) : { userName: 'deleted', displayName: undefined };
      return { userId: id, userName, ...(displayName ? { displayName } : {}) };
    });
  }

  /** Whether `a` blocked `b`. */
  async hasBlocked(a: string, b: string): Promise<boolean> {
    return (await this.state(b)).blockedBy.has(a);
  }

  private async setBlock(userId: string, targetId: string, blocked: boolean): Promise<void> {
    if (targetId === userId) throw new AppError('unprocessable', 'You cannot block yourself');
    const current = await this.cache.fresh(userId);
    if (current.blocked.has(targetId) === blocked) return;
    if (blocked && !(await this.deps.users.getById(targetId)))
      throw new AppError('not_found', 'User not found');
    const chatId = personalLogId(userId);
    const pos = await this.position(userId);
    const event = { type: 'block_updated' as const, chatId, pos, userId, targetId, blocked };
    try {
      await this.deps.store.setBlock(
        userId,
        targetId,
        blocked,
        this.deps.maxBlocks,
        changeItem(chatId, pos, [event]),
      );
    } catch (err) {
      if (err instanceof TooManyBlocks)
        throw new AppError('unprocessable', `You can block at most ${this.deps.maxBlocks} people`);
      throw err;
    }
    this.cache.forget(userId, targetId);
    this.deps.bus.publish(event);
  }

  private async position(userId: string): Promise<string> {
    await this.deps.inbox.cover(personalLogId(userId), [userId]);
    return newId();
  }
}

const definedOnly = (patch: PrivacyPatch): Partial<PrivacySettings> =>
  Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
