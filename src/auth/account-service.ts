import { AppError } from '../lib/errors.js';
import { randomToken, sha256 } from '../lib/ids.js';
import type { Limits } from '../lib/limits.js';
import type { Logger } from '../lib/logger.js';
import { RateLimiter } from '../lib/rate-limit.js';
import type { Mailer } from '../mail/mailer.js';
import type { UserStore } from '../users/store.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Passwords } from './passwords.js';
import type { ResetStore } from './reset-store.js';
import type { ChangePasswordBody, ResetConfirmBody, SessionInfo } from './schemas.js';
import type { SessionStore } from './store.js';

export const RESET_TOKEN_TTL_SECONDS = 30 * 60;

export interface AccountServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  passwords: Passwords;
  resets: ResetStore;
  throttle: LoginThrottle;
  mailer: Mailer;
  /** Base URL of the web client: reset links are <appUrl>/reset?token=… */
  appUrl: string;
  limits: Limits;
  /** AuthService.endSessions: revokes and tells every instance. */
  endSessions: (userId: string, sessionIds: readonly string[]) => Promise<void>;
  logger?: Logger;
  now?: () => number;
}

/** What a signed-in user does to their account: password, sessions, and resetting a lost password. */
export class AccountService {
  private readonly resetPerIp: RateLimiter;
  private readonly resetPerEmail: RateLimiter;
  private readonly pending = new Set<Promise<void>>();
  private readonly now: () => number;

  constructor(private readonly deps: AccountServiceDeps) {
    this.resetPerIp = new RateLimiter(deps.limits.passwordResetPerIp);
    this.resetPerEmail = new RateLimiter(deps.limits.passwordResetPerEmail);
    this.now = deps.now ?? Date.now;
  }

  /** Sets a new password and ends every other session; the one making the change stays. */
  async changePassword(userId: string, sessionId: string, body: ChangePasswordBody, ip: string) {
    const user = await this.deps.users.getById(userId);
    if (!user) throw new AppError('invalid_token');
    // Throttled exactly like sign-in: a stolen access token must not become a password oracle.
    await this.deps.throttle.before(user.email, ip);
    if (!(await this.deps.passwords.verify(body.currentPassword, user.passwordHash))) {
      this.deps.throttle.failed(user.email, ip);
      throw new AppError('invalid_credentials', 'The current password is incorrect');
    }
    await this.deps.users.setPasswordHash(user.id, await this.deps.passwords.hash(body.newPassword));
    const others = (await this.liveSessions(userId)).filter((id) => id !== sessionId);
    await this.deps.endSessions(userId, others);
  }

  async listSessions(userId: string, currentSessionId: string): Promise<SessionInfo[]> {
    const families = await this.deps.sessions.listFamilies(userId, this.nowSeconds());
    return families.map((f) => ({
      id: f.familyId,
      label: f.label ?? 'Unknown device',
      createdAt: f.createdAt ?? '',
      lastUsedAt: f.lastUsedAt ?? f.createdAt ?? '',
      current: f.familyId === currentSessionId,
    }));
  }

  /** Ends one of the user's sessions; someone else's looks exactly like one that does not exist. */
  async endSession(userId: string, sessionId: string): Promise<void> {
    const family = await this.deps.sessions.getFamily(sessionId);
    if (!family || family.userId !== userId || family.revoked)
      throw new AppError('not_found', 'No such session');
    await this.deps.endSessions(userId, [sessionId]);
  }

  /** Signs out everywhere, the calling session included. */
  async endAllSessions(userId: string, currentSessionId: string): Promise<void> {
    const ids = new Set([...(await this.liveSessions(userId)), currentSessionId]);
    await this.deps.endSessions(userId, [...ids]);
  }

  /**
   * Mails a reset link if the email has an account. The answer never depends on that: the lookup
   * and the mail happen after the response, so neither the status nor the time tells.
   */
  requestReset(email: string, ip: string): void {
    this.resetPerIp.consume(ip, 'Too many reset requests from this address, try again later');
    // Past the per-email limit the request is accepted and dropped: no mail-bombing an inbox.
    if (this.resetPerEmail.take(email) > 0) return;
    const work = this.sendReset(email)
      .catch((err: unknown) => this.deps.logger?.error({ err }, 'password reset mail failed'))
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }

  /** Sets the password from a reset link and ends every session of the account. */
  async confirmReset(body: ResetConfirmBody): Promise<void> {
    const userId = await this.deps.resets.consume(sha256(body.token), this.nowSeconds());
    if (!userId) throw new AppError('reset_token_invalid');
    const hash = await this.deps.passwords.hash(body.newPassword);
    if (!(await this.deps.users.setPasswordHash(userId, hash))) throw new AppError('reset_token_invalid');
    await this.deps.endSessions(userId, await this.liveSessions(userId));
  }

  /** Resolves once reset mails already requested have been sent (or failed). */
  async settled(): Promise<void> {
    await Promise.all([...this.pending]);
  }

  private async sendReset(email: string): Promise<void> {
    const user = await this.deps.users.getByEmail(email);
    if (!user) return;
    const token = randomToken();
    await this.deps.resets.put({
      tokenHash: sha256(token),
      userId: user.id,
      expiresAt: this.nowSeconds() + RESET_TOKEN_TTL_SECONDS,
    });
    const link = `${this.deps.appUrl}/reset?token=${token}`;
    await this.deps.mailer.send({
      to: user.email,
      subject: 'Reset your Chat-X password',
      text: `Someone asked to reset the password of your Chat-X account.\n\nTo choose a new one, open this link within 30 minutes (it works once):\n${link}\n\nIf it was not you, ignore this mail: your password stays as it is.\n`,
    });
  }

  private async liveSessions(userId: string): Promise<string[]> {
    return (await this.deps.sessions.listFamilies(userId, this.nowSeconds())).map((f) => f.familyId);
  }

  private nowSeconds(): number {
    return Math.floor(this.now() / 1000);
  }

  close(): void {
    this.resetPerIp.close();
    this.resetPerEmail.close();
  }
}
