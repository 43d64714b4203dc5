import { AppError, notFound } from '../lib/errors.js';
import type { Limits } from '../lib/limits.js';
import { RateLimiter } from '../lib/rate-limit.js';
import type { PrivacyPatch, PrivacySettings } from '../privacy/schemas.js';
import type { Me, PublicUser } from './schemas.js';
import { TakenError, type UserStore } from './store.js';
import { toMe, toPublicUser } from './view.js';

const EMAIL_LIKE = /@/;
/** A displayName that could be read as a userName ("ann" or "@ann"): checked against the guards. */
const USERNAME_LIKE = /^@?([A-Za-z0-9_.]{3,32})$/;

/** What the user feature needs from elsewhere, narrowly (wired in services.ts). */
export interface UserServiceDeps {
  users: UserStore;
  limits: Limits;
  /** Whether two users are in at least one chat together. */
  sharesChat(a: string, b: string): Promise<boolean>;
  /** Whether `password` is the one `hash` was made from (same cost whatever the answer). */
  verifyPassword(password: string, hash: string): Promise<boolean>;
  /** Leaves every group (handing ownership on) and makes direct chats read-only. */
  removeFromChats(userId: string): Promise<void>;
  /** Ends every session of the user, `current` included: tokens stop, sockets close. */
  endAllSessions(userId: string, current: string): Promise<void>;
  /** Privacy settings (src/privacy), shown and changed with the profile. */
  privacy?: {
    settings(userId: string): Promise<PrivacySettings>;
    update(userId: string, patch: PrivacyPatch): Promise<PrivacySettings>;
  };
  /** Forgets the user's push devices: nothing may be pushed to them any more. */
  removeDevices?(userId: string): Promise<void>;
}

export class UserService {
  private readonly users: UserStore;
  private readonly searches: RateLimiter;
  private readonly deleteFailures: RateLimiter;

  constructor(private readonly deps: UserServiceDeps) {
    this.users = deps.users;
    this.searches = new RateLimiter(deps.limits.userSearchPerUser);
    this.deleteFailures = new RateLimiter(deps.limits.loginFailuresPerAccount);
  }

  async me(userId: string): Promise<Me> {
    const u = await this.users.getById(userId);
    if (!u) throw notFound('User not found');
    return { ...toMe(u), ...(await this.deps.privacy?.settings(userId)) };
  }

  async get(userId: string): Promise<PublicUser> {
    const u = await this.users.getById(userId);
    if (!u) throw notFound('User not found');
    return toPublicUser(u);
  }

  async updateMe(
    userId: string,
    body: { userName?: string; displayName?: string; pushPreviews?: boolean } & PrivacyPatch,
  ): Promise<Me> {
    const { lastSeen, readReceipts, groupAdd, pushPreviews, ...patch } = body;
    let current = await this.users.getById(userId);
    if (!current) throw notFound('User not found');
    if (patch.displayName !== undefined) await this.refuseImitation(userId, patch.displayName);
    if (pushPreviews !== undefined) {
      await this.users.setPushPreviews(userId, pushPreviews);
      current = { ...current, pushPreviews };
    }
    let updated = current;
    if (patch.userName !== undefined || patch.displayName !== undefined) {
      try {
        updated = await this.users.updateProfile(current, patch);
      } catch (err) {
        if (err instanceof TakenError) throw new AppError('conflict', 'That userName is already taken');
        throw err;
      }
    }
    const privacy = { lastSeen, readReceipts, groupAdd };
    const changesPrivacy = Object.values(privacy).some((v) => v !== undefined);
    const settings = changesPrivacy
      ? await this.deps.privacy?.update(userId, privacy)
      : await this.deps.privacy?.settings(userId);
    return { ...toMe(updated), ...settings };
  }

  /**
   * A userName prefix (3+ characters, enforced by the schema), or an exact email. Rate-limited
   * per caller, so the directory cannot be walked. An email finds its owner only when they share
   * a chat with the caller: an unrelated registered email and an unregistered one answer alike,
   * so the search reveals nothing that sign-up does not (sign-up must refuse a taken email).
   */
  async search(callerId: string, query: string, limit: number): Promise<PublicUser[]> {
    this.searches.consume(callerId, 'Too many searches, slow down');
    if (EMAIL_LIKE.test(query)) {
      const u = await this.users.getByEmail(query.toLowerCase());
      return u && (u.id === callerId || (await this.deps.sharesChat(callerId, u.id)))
        ? [toPublicUser(u)]
        : [];
    }
    return (await this.users.searchByUserNamePrefix(query, limit)).map(toPublicUser);
  }

  /**
   * Deletes the account after checking its password: chats first (while the profile still
   * exists, so a failure can be retried), then profile and both guards at once, then every
   * session. Messages stay in their chats, shown as from a deleted account.
   */
  async deleteMe(userId: string, sessionId: string, password: string): Promise<void> {
    this.deleteFailures.check(userId, 'Too many wrong passwords, try again later');
    const user = await this.users.getById(userId);
    // Gone already (a retry after the sessions step failed): only the sessions are left to end.
    if (!user) return this.deps.endAllSessions(userId, sessionId);
    if (!(await this.deps.verifyPassword(password, user.passwordHash))) {
      this.deleteFailures.record(userId);
      throw new AppError('invalid_credentials', 'The password is incorrect');
    }
    await this.deps.removeFromChats(userId);
    await this.deps.removeDevices?.(userId);
    await this.users.delete(user);
    await this.deps.endAllSessions(userId, sessionId);
  }

  private async refuseImitation(userId: string, displayName: string): Promise<void> {
    const name = USERNAME_LIKE.exec(displayName)?.[1];
    if (name === undefined) return;
    const owner = await this.users.userNameOwner(name);
    if (owner !== undefined && owner !== userId) {
      throw new AppError('validation_failed', undefined, {
        details: [{ path: 'displayName', message: "must not be another user's userName" }],
      });
    }
  }

  close(): void {
    this.searches.close();
    this.deleteFailures.close();
  }
}
