import { z } from 'zod';
import { emailSchema, me, userNameSchema } from '../users/schemas.js';
import { PASSWORD_MAX_BYTES } from './passwords.js';

// Bytes, not characters: bcrypt reads 72 bytes, and "é" is two of them.
export const passwordSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .refine((v) => Buffer.byteLength(v, 'utf8') <= PASSWORD_MAX_BYTES, {
    message: `must be at most ${PASSWORD_MAX_BYTES} bytes (UTF-8)`,
  });

export const signupBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  userName: userNameSchema,
});

// Login does not re-validate password length: a wrong password is a 401, not a 400 hint.
const anyPassword = z.string().min(1).max(1024);

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: anyPassword,
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });

export const changePasswordBody = z.strictObject({
  currentPassword: anyPassword,
  newPassword: passwordSchema,
});

export const resetRequestBody = z.strictObject({ email: z.string().trim().toLowerCase().min(1).max(254) });

export const resetConfirmBody = z.strictObject({
  token: z.string().min(1).max(512),
  newPassword: passwordSchema,
});

export const sessionIdParams = z.object({ id: z.string().min(1).max(64) });

export const sessionResponse = z.object({
  user: me,
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().describe('access token lifetime in seconds'),
});

export const sessionInfo = z
  .object({
    id: z.string(),
    label: z.string().describe('the device it was signed in from (its User-Agent), or "Unknown device"'),
    createdAt: z.string(),
    lastUsedAt: z.string().describe('when its refresh token was last used'),
    current: z.boolean().describe('the session of the access token making this request'),
  })
  .meta({ id: 'Session' });

export const sessionList = z.object({ sessions: z.array(sessionInfo) });

export type SignupBody = z.infer<typeof signupBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type ChangePasswordBody = z.infer<typeof changePasswordBody>;
export type ResetConfirmBody = z.infer<typeof resetConfirmBody>;
export type SessionResponse = z.infer<typeof sessionResponse>;
export type SessionInfo = z.infer<typeof sessionInfo>;
