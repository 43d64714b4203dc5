import { z } from 'zod';

/** Opaque to clients: base64url, bound to the user it was issued to. */
export const syncTokenSchema = z
  .string()
  .min(1)
  .max(2048)
  .regex(/^[A-Za-z0-9_-]+$/, 'must be a token from a synced frame');

export const SYNC_MAX_LIMIT = 500;

export const syncQuery = z.strictObject({
  since: syncTokenSchema.optional(),
  limit: z.coerce.number().int().min(1).max(SYNC_MAX_LIMIT).default(100),
});
