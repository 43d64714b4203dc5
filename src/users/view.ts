import type { Me, PublicUser } from './schemas.js';
import type { UserRecord, UserSummary } from './store.js';

// The only places a stored user becomes a response: hashes never leave, emails only to their owner.
export const toPublicUser = (u: UserSummary): PublicUser => ({
  id: u.id,
  userName: u.userName,
  ...(u.displayName ? { displayName: u.displayName } : {}),
  createdAt: u.createdAt,
});

export const toMe = (u: UserRecord): Me => ({
  ...toPublicUser(u),
  email: u.email,
  pushPreviews: u.pushPreviews !== false,
});
