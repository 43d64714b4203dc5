import { AppError, notFound } from '../lib/errors.js';
import type { Me, PublicUser } from './schemas.js';
import { TakenError, type UserStore } from './store.js';
import { toMe, toPublicUser } from './view.js';

const EMAIL_LIKE = /@/;

export class UserService {
  constructor(private readonly users: UserStore) {}

  async me(userId: string): Promise<Me> {
    const u = await this.users.getById(userId);
    if (!u) throw notFound('User not found');
    return toMe(u);
  }

  async get(userId: string): Promise<PublicUser> {
    const u = await this.users.getById(userId);
    if (!u) throw notFound('User not found');
    return toPublicUser(u);
  }

  async updateMe(userId: string, patch: { userName?: string; displayName?: string }): Promise<Me> {
    const current = await this.users.getById(userId);
    if (!current) throw notFound('User not found');
    try {
      return toMe(await this.users.updateProfile(current, patch));
    } catch (err) {
      if (err instanceof TakenError) throw new AppError('conflict', 'That userName is already taken');
      throw err;
    }
  }

  /** A userName prefix, or an exact email (never a partial one: emails are not browsable). */
  async search(query: string, limit: number): Promise<PublicUser[]> {
    if (EMAIL_LIKE.test(query)) {
      const u = await this.users.getByEmail(query.toLowerCase());
      return u ? [toPublicUser(u)] : [];
    }
    return (await this.users.searchByUserNamePrefix(query, limit)).map(toPublicUser);
  }
}
