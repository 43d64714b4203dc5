import bcrypt from 'bcrypt';
import { AppError } from '../lib/errors.js';
import { newId, randomToken, sha256 } from '../lib/ids.js';
import type { Limits } from '../lib/limits.js';
import { RateLimiter } from '../lib/rate-limit.js';
import { TakenError, type UserRecord, type UserStore } from '../users/store.js';
import { toMe } from '../users/view.js';
import type { SessionsEnded } from './events.js';
import type { LoginBody, SessionResponse, SignupBody } from './schemas.js';
import type { SessionStore } from './store.js';
import { ACCESS_TOKEN_TTL_SECONDS, type AccessTokens } from './tokens.js';

export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 3600;

export interface AuthServiceDeps {
  users: UserStore;
  sessions: SessionStore;
  tokens: AccessTokens;
  bcryptRounds: number;
  limits: Limits;
  /** Tells every instance that sessions ended (their sockets close, their access tokens stop). */
  onSessionsEnded?: (e: SessionsEnded) => void;
  now?: () => number;
}

export class AuthService {
  private readonly signupPerIp: RateLimiter;
  private readonly loginPerIp: RateLimiter;
  private readonly loginFailures: RateLimiter;
  private readonly refreshPerIp: RateLimiter;
  // Compared against when the email is unknown, so both failures cost one bcrypt compare.
  private readonly dummyHash: Promise<string>;
  private readonly now: () => number;

  constructor(private readonly deps: AuthServiceDeps) {
    this.signupPerIp = new RateLimiter(deps.limits.signupPerIp);
    this.loginPerIp = new RateLimiter(deps.limits.loginPerIp);
    this.loginFailures = new RateLimiter(deps.limits.loginFailuresPerAccount);
    this.refreshPerIp = new RateLimiter(deps.limits.refreshPerIp);
    this.dummyHash = bcrypt.hash(randomToken(), deps.bcryptRounds);
    this.now = deps.now ?? Date.now;
  }

  async signup(body: SignupBody, ip: string): Promise<SessionResponse> {
    this.signupPerIp.consume(ip, 'Too many sign-ups from this address, try again later');
    const user: UserRecord = {
      id: newId(),
      email: body.email,
      userName: body.userName,
      passwordHash: await bcrypt.hash(body.password, this.deps.bcryptRounds),
      createdAt: new Date(this.now()).toISOString(),
    };
    try {
      await this.deps.users.create(user);
    } catch (err) {
      // One message for both fields: enough for the user to fix it, no more.
      if (err instanceof TakenError) throw new AppError('conflict', 'Email or userName is already taken');
      throw err;
    }
    return this.openSession(user);
  }

  async login(body: LoginBody, ip: string): Promise<SessionResponse> {
    this.loginPerIp.consume(ip);
    this.loginFailures.check(body.email, 'Too many failed sign-ins for this account, try again later');
    const user = await this.deps.users.getByEmail(body.email);
    const ok = await bcrypt.compare(body.password, user?.passwordHash ?? (await this.dummyHash));
    if (!user || !ok) {
      this.loginFailures.record(body.email);
      throw new AppError('invalid_credentials');
    }
    return this.openSession(user);
  }

  async refresh(refreshToken: string, ip: string): Promise<SessionResponse> {
    this.refreshPerIp.consume(ip);
    const now = this.now();
    const old = await this.deps.sessions.getToken(sha256(refreshToken));
    if (!old || old.expiresAt * 1000 <= now) throw new AppError('invalid_token');
    // A rotated token came back: whoever holds the chain, one of them stole it. End the session.
    if (old.usedAt !== undefined) return this.revokeForReuse(old.userId, old.familyId);
    const user = await this.deps.users.getById(old.userId);
    if (!user) throw new AppError('invalid_token');
    const next = this.newRefreshToken(user.id, old.familyId);
    // Lost a race to rotate it: the same token was presented twice.
    if (!(await this.deps.sessions.rotate(old, next.record, now)))
      return this.revokeForReuse(old.userId, old.familyId);
    return this.session(user, next.token, old.familyId);
  }

  /** Ends the session the token belongs to; unknown or dead tokens are fine (logout is idempotent). */
  async logout(refreshToken: string): Promise<void> {
    const hash = sha256(refreshToken);
    const record = await this.deps.sessions.getToken(hash);
    if (!record) return;
    await this.end(record.userId, record.familyId);
    await this.deps.sessions.deleteToken(hash);
  }

  private async end(userId: string, familyId: string): Promise<void> {
    await this.deps.sessions.revokeFamily(familyId);
    this.deps.onSessionsEnded?.({ type: 'sessions_ended', userId, sessionIds: [familyId] });
  }

  private async revokeForReuse(userId: string, familyId: string): Promise<never> {
    await this.end(userId, familyId);
    throw new AppError('invalid_token', 'Refresh token reuse detected; the session was revoked');
  }

  private async openSession(user: UserRecord): Promise<SessionResponse> {
    const familyId = newId();
    const next = this.newRefreshToken(user.id, familyId);
    await this.deps.sessions.createFamily({ familyId, userId: user.id, expiresAt: next.record.expiresAt });
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
    for (const l of [this.signupPerIp, this.loginPerIp, this.loginFailures, this.refreshPerIp]) l.close();
  }
}
