import { z } from 'zod';
import { ULID_PATTERN } from '../lib/patterns.js';
import { safeText } from '../lib/text.js';
import { groupAddSchema, lastSeenSchema } from '../privacy/schemas.js';

export const userNameSchema = z
  .string()
  .trim()
  .min(3, 'must be 3 to 32 characters')
  .max(32, 'must be 3 to 32 characters')
  .regex(/^[A-Za-z0-9_.]+$/, 'may contain only letters, digits, "_" and "."');

export const displayNameSchema = safeText({ max: 64 });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ message: 'must be a valid email address' }));

export const userIdSchema = z.string().regex(ULID_PATTERN, 'must be a user id');

export const updateMeBody = z
  .strictObject({
    userName: userNameSchema.optional(),
    displayName: displayNameSchema.optional(),
    pushPreviews: z.boolean().optional().describe('false: push notifications leave out message text'),
    // Privacy settings (src/privacy): who sees my last seen, my read markers, who may add me.
    lastSeen: lastSeenSchema.optional(),
    readReceipts: z.boolean().optional(),
    groupAdd: groupAddSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to update');

// Three characters at least: shorter prefixes let a client walk the whole directory.
export const SEARCH_MIN_CHARS = 3;

export const searchQuery = z.strictObject({
  query: z.string().trim().min(SEARCH_MIN_CHARS, `must be at least ${SEARCH_MIN_CHARS} characters`).max(254),
  limit: z.coerce.number().int().min(1).max(20).default(20),
});

export const publicUser = z.object({
  id: z.string(),
  userName: z.string(),
  displayName: z.string().optional(),
  createdAt: z.string(),
});

export const me = publicUser.extend({
  email: z.string(),
  pushPreviews: z.boolean(),
  lastSeen: lastSeenSchema.optional().describe('who sees my online status and last seen (default everyone)'),
  readReceipts: z.boolean().optional().describe('false: others do not see my read markers in direct chats'),
  groupAdd: groupAddSchema.optional().describe('nobody: adds to groups become invitations'),
});

export const deleteMeBody = z.strictObject({ password: z.string().min(1).max(1024) });

export type PublicUser = z.infer<typeof publicUser>;
export type Me = z.infer<typeof me>;
