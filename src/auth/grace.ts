import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Two refreshes with one token (two tabs, a retried request) are not theft: for a few seconds
 * after a rotation, presenting the old token again returns the same successor. The successor is
 * kept on the old token's record sealed with a key derived from the old token itself, which the
 * database never holds (it stores a different hash of it), so a read of the table reveals nothing.
 */
export const REFRESH_GRACE_MS = 10_000;

const key = (oldToken: string) => createHash('sha256').update(`refresh-grace:${oldToken}`).digest();

export function sealSuccessor(oldToken: string, successor: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key(oldToken), iv);
  const sealed = Buffer.concat([cipher.update(successor, 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), sealed].map((b) => b.toString('base64url')).join('.');
}

/** The successor, or undefined if `sealed` was not made with this token. */
export function openSuccessor(oldToken: string, sealed: string): string | undefined {
  const [iv, tag, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64url'));
  if (!iv || !tag || !data) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key(oldToken), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
