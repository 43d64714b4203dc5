import { z } from 'zod';
import { emailSchema, me, userNameSchema } from '../users/schemas.js';

export const passwordSchema = z
  .string()
  .min(8, 'must be 8 to 128 characters')
  .max(128, 'must be 8 to 128 characters');

export const signupBody = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  userName: userNameSchema,
});

// Login does not re-validate password length: a wrong password is a 401, not a 400 hint.
export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().min(1).max(254),
  password: z.string().min(1).max(1024),
});

export const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });

export const sessionResponse = z.object({
  user: me,
  accessToken: z.string(),
  refreshToken: z.string(),
  expiresIn: z.number().describe('access token lifetime in seconds'),
});

export type SignupBody = z.infer<typeof signupBody>;
export type LoginBody = z.infer<typeof loginBody>;
export type SessionResponse = z.infer<typeof sessionResponse>;
