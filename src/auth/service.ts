import { AppError } from '../lib/errors.js';
import { newId, randomToken, sha256 } from '../lib/ids.js';
import type { Limits } from '../lib/limits.js';
import { RateLimiter } from '../lib/rate-limit.js';
import { TakenError, type UserRecord, type UserStore } from '../users/store.js';
import { toMe } from '../users/view.js';
import { deviceLabel } from './device.js';
import type { SessionsEnded } from './events.js';
import { openSuccessor, REFRESH_GRACE_MS, sealSuccessor } from './grace.js';
import type { LoginThrottle } from './login-throttle.js';
import type { Passwords } from './passwords.js';
import type { LoginBody, SessionResponse, SignupBody } from './schemas.js';
import type { RefreshTokenRecord, SessionStore } from './store.js';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from './tokens.js';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface AuthServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  tokens: AccessTokens;
  passwords: Passwords;
  throttle: LoginThrottle;
  limits: Limits;
  /** Tells every instance that sessions ended (their sockets close, their access tokens stop). */
  onSessionsEnded?: (e: SessionsEnded) => void;
  now?: () => number;
}

/** Signing up and in, refresh-token rotation, and ending sessions. */
export class AuthService {
  private readonly signupPerIp: RateLimiter;
  private readonly loginPerIp: RateLimiter;
  private readonly refreshPerIp: RateLimiter;
  private readonly now: () => number;

  constructor(private readonly deps: AuthServiceDeps) {
    this.signupPerIp = new RateLimiter(deps.limits.signupPerIp);
    this.loginPerIp = new RateLimiter(deps.limits.loginPerIp);
    this.refreshPerIp = new RateLimiter(deps.limits.refreshPerIp);
    this.now = deps.now ?? Date.now;
  }

  async signup(body: SignupBody, ip: string, userAgent?: string): Promise<SessionResponse> {
    this.signupPerIp.consume(ip, 'Too many sign-ups from this address, try again later');
    const user: UserRecord = {
      id: newId(),
      email: body.email,
      userName: body.userName,
      passwordHash: await this.deps.passwords.hash(body.password),
      createdAt: new Date(this.now()).toISOString(),
    };
    try {
      await this.deps.users.create(user);
    } catch (err) {
      // One message for both fields: enough for the user to fix it, no more.
      if (err instanceof TakenError) throw new AppError('conflict', 'Email or userName is already taken');
      throw err;
    }
    return this.openSession(user, userAgent);
  }

  async login(body: LoginBody, ip: string, userAgent?: string): Promise<SessionResponse> {
    this.loginPerIp.consume(ip);
    await this.deps.throttle.before(body.email, ip);
    const user = await this.deps.users.getByEmail(body.email);
    const ok = await this.deps.passwords.verify(body.password, user?.passwordHash);
    if (!user || !ok) {
      this.deps.throttle.failed(body.email, ip);
      throw new AppError('invalid_credentials');
    }
    await this.upgradeHash(user, body.password);
    return this.openSession(user, userAgent);
  }

  async refresh(refreshToken: string, ip: string): Promise<SessionResponse> {
    this.refreshPerIp.consume(ip);
    const now = this.now();
    const hash = sha256(refreshToken);
    const old = await this.deps.sessions.getToken(hash);
    if (!old || old.expiresAt * 1000 <= now) throw new AppError('invalid_token');
    if (old.usedAt !== undefined) return this.repeat(refreshToken, old, now);
    const user = await this.deps.users.getById(old.userId);
    if (!user) throw new AppError('invalid_token');
    const next = this.newRefreshToken(user.id, old.familyId);
    const sealed = sealSuccessor(refreshToken, next.token);
    if (!(await this.deps.sessions.rotate(old, next.record, sealed, now))) {
      // Either a concurrent refresh with the same token won (then share its successor) or the
      // session ended meanwhile.
      const winner = await this.deps.sessions.getToken(hash);
      if (winner?.usedAt === undefined) throw new AppError('invalid_token');
      return this.repeat(refreshToken, winner, now);
    }
    return this.session(user, next.token, old.familyId);
  }

  /** Ends the session the token belongs to; unknown or dead tokens are fine (logout is idempotent). */
  async logout(refreshToken: string): Promise<void> {
    const hash = sha256(refreshToken);
    const record = await this.deps.sessions.getToken(hash);
    if (!record) return;
    await this.endSessions(record.userId, [record.familyId]);
    await this.deps.sessions.deleteToken(hash);
  }

  /** Revokes the sessions and tells every instance, so their sockets close and tokens stop now. */
  async endSessions(userId: string, sessionIds: readonly string[]): Promise<void> {
    if (sessionIds.length === 0) return;
    await Promise.all(sessionIds.map((id) => this.deps.sessions.revokeFamily(id)));
    this.deps.onSessionsEnded?.({ type: 'sessions_ended', userId, sessionIds: [...sessionIds] });
  }

  /**
   * A rotated token came back. Within the grace window (two tabs, a retried request) it gets the
   * successor it was rotated to; after it, whoever holds the chain, one of them stole it.
   */
  private async repeat(token: string, old: RefreshTokenRecord, now: number): Promise<SessionResponse> {
    const fresh = old.usedAt !== undefined && now - old.usedAt <= REFRESH_GRACE_MS;
    const successor = fresh && old.nextSealed ? openSuccessor(token, old.nextSealed) : undefined;
    if (!successor) return this.revokeForReuse(old.userId, old.familyId);
    const family = await this.deps.sessions.getFamily(old.familyId);
    if (!family || family.revoked) throw new AppError('invalid_token');
    const user = await this.deps.users.getById(old.userId);
    if (!user) throw new AppError('invalid_token');
    return this.session(user, successor, old.familyId);
  }

  private async revokeForReuse(userId: string, familyId: string): Promise<never> {
    await this.endSessions(userId, [familyId]);
    throw new AppError('invalid_token', 'Refresh token reuse detected; the session was revoked');
  }

  // Hashes made at another cost move to the current one the next time the password is known.
  private async upgradeHash(user: UserRecord, password: string): Promise<void> {
    if (!this.deps.passwords.needsRehash(user.passwordHash)) return;
    const hash = await this.deps.passwords.hash(password);
    await this.deps.users.setPasswordHash(user.id, hash, user.passwordHash);
  }

  private async openSession(user: UserRecord, userAgent: string | undefined): Promise<SessionResponse> {
    const familyId = newId();
    const next = this.newRefreshToken(user.id, familyId);
    const at = new Date(this.now()).toISOString();
    await this.deps.sessions.createFamily({
      familyId,
      userId: user.id,
      expiresAt: next.record.expiresAt,
      label: deviceLabel(userAgent),
      createdAt: at,
      lastUsedAt: at,
    });
    await this.deps.sessions.putToken(next.record);
    return this.session(user, next.token, familyId);
  }

  private newRefreshToken(userId: string, familyId: string) {
    const token = randomToken();
    const expiresAt = Math.floor(this.now() / 1000) + REFRESH_TOKEN_TTL_SECONDS;
    return { token, record: { tokenHash: sha256(token), userId, familyId, expiresAt } };
  }

  private session(user: UserRecord, refreshToken: string, sessionId: string): SessionResponse {
    return {
      user: toMe(user),
      accessToken: this.deps.tokens.sign(user.id, sessionId),
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
    };
  }

  close(): void {
    for (const l of [this.signupPerIp, this.loginPerIp, this.refreshPerIp]) l.close();
  }
}
