import bcrypt from 'bcrypt';
import { randomToken } from '../lib/ids.js';

/** bcrypt reads only this many bytes of a password; longer ones are refused, not silently cut. */
export const PASSWORD_MAX_BYTES = 72;

/**
 * Password hashing at the configured bcrypt cost. Every check spends the work of one compare at
 * that cost, whether the account exists or not and whatever cost its hash was made at, so the
 * time a failed sign-in takes says nothing about the email.
 */
export class Passwords {
  // Hashes of random strings, one per cost, compared against when there is nothing real to compare.
  private readonly dummies = new Map<number, Promise<string>>();

  constructor(readonly rounds: number) {
    void this.dummy(rounds);
  }

  hash(password: string): Promise<string> {
    return bcrypt.hash(password, this.rounds);
  }

  /** Whether `password` matches `hash`; with no hash (unknown account) always false, at the same cost. */
  async verify(password: string, hash: string | undefined): Promise<boolean> {
    if (hash === undefined) {
      await bcrypt.compare(password, await this.dummy(this.rounds));
      return false;
    }
    const ok = await bcrypt.compare(password, hash);
    // A cheaper legacy hash is padded with dummy compares at costs c … rounds−1: their work sums to
    // 2^rounds − 2^c, so the total is one compare at the configured cost.
    for (let cost = bcrypt.getRounds(hash); cost < this.rounds; cost++)
      await bcrypt.compare(password, await this.dummy(cost));
    return ok;
  }

  /** A hash made at another cost than the configured one: re-hash it when the password is known. */
  needsRehash(hash: string): boolean {
    return bcrypt.getRounds(hash) !== this.rounds;
  }

  private dummy(cost: number): Promise<string> {
    let hash = this.dummies.get(cost);
    if (!hash) {
      hash = bcrypt.hash(randomToken(), cost);
      this.dummies.set(cost, hash);
    }
    return hash;
  }
}
