import type { Limits } from '../lib/limits.js';
import { RateLimiter } from '../lib/rate-limit.js';

/**
 * Throttles password guessing without handing anyone a way to lock someone else out: failures
 * are counted per (account, address), so only the guessing address is refused; an account
 * guessed at from many addresses is slowed for everyone instead, and the right password from an
 * address that has not failed always gets in.
 */
export class LoginThrottle {
  private readonly perAccountIp: RateLimiter;
  private readonly perAccount: RateLimiter;

  constructor(
    private readonly limits: Pick<
      Limits,
      'loginFailuresPerAccountIp' | 'loginFailuresPerAccount' | 'loginSlowdownMs'
    >,
    private readonly sleep: (ms: number) => Promise<void> = defaultSleep,
  ) {
    this.perAccountIp = new RateLimiter(limits.loginFailuresPerAccountIp);
    this.perAccount = new RateLimiter(limits.loginFailuresPerAccount);
  }

  /** Before checking a password: 429 for a locked-out (account, address), a delay past the ceiling. */
  async before(account: string, ip: string): Promise<void> {
    this.perAccountIp.check(pair(account, ip), 'Too many failed attempts from this address, try again later');
    if (this.perAccount.isLimited(account)) await this.sleep(this.limits.loginSlowdownMs);
  }

  failed(account: string, ip: string): void {
    this.perAccountIp.record(pair(account, ip));
    this.perAccount.record(account);
  }

  close(): void {
    this.perAccountIp.close();
    this.perAccount.close();
  }
}

const pair = (account: string, ip: string) => `${account}|${ip}`;
const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
