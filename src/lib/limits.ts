import type { RateRule } from './rate-limit.js';

// Product limits in one place: docs/limits.md lists them, tests lower some to reach them quickly.
export interface Limits {
  signupPerIp: RateRule;
  loginPerIp: RateRule;
  /** Failed sign-ins for one account from one address: past it, that address is refused (429). */
  loginFailuresPerAccountIp: RateRule;
  /** Failed sign-ins for one account from anywhere: past it, sign-ins are slowed, never refused. */
  loginFailuresPerAccount: RateRule;
  /** Delay added to each sign-in of an account past its failure ceiling (ms). */
  loginSlowdownMs: number;
  passwordResetPerIp: RateRule;
  /** Reset mails per email address; past it, requests still answer 202 but send nothing. */
  passwordResetPerEmail: RateRule;
  refreshPerIp: RateRule;
  /** User directory searches per signed-in user (bounds walking the directory). */
  userSearchPerUser: RateRule;
  groupMaxMembers: number;
  messageMaxChars: number;
  pageMaxSize: number;
  /** Message sends per user over REST and WebSocket together (one budget for all their devices). */
  sendsPerUser: RateRule;
  /** GET /v1/sync requests per user (WebSocket `sync` frames are limited per connection by the hub). */
  syncsPerUser: RateRule;
  /** Most people one user may block. */
  maxBlocks: number;
  /** Group invitations (adds of people who accept adds from nobody) sent per user. */
  invitationsPerUser: RateRule;
  /** Invite-link previews and joins per user: codes are 128-bit, and guessing is slowed further. */
  inviteLookupsPerUser: RateRule;
  /** Reports filed per user. */
  reportsPerUser: RateRule;
}

export const defaultLimits: Limits = {
  signupPerIp: { capacity: 10, windowSeconds: 3600 },
  loginPerIp: { capacity: 30, windowSeconds: 60 },
  loginFailuresPerAccountIp: { capacity: 5, windowSeconds: 900 },
  loginFailuresPerAccount: { capacity: 100, windowSeconds: 900 },
  loginSlowdownMs: 2_000,
  passwordResetPerIp: { capacity: 10, windowSeconds: 3600 },
  passwordResetPerEmail: { capacity: 3, windowSeconds: 3600 },
  refreshPerIp: { capacity: 60, windowSeconds: 60 },
  userSearchPerUser: { capacity: 30, windowSeconds: 60 },
  groupMaxMembers: 256,
  messageMaxChars: 4000,
  pageMaxSize: 100,
  sendsPerUser: { capacity: 60, windowSeconds: 3 },
  syncsPerUser: { capacity: 20, windowSeconds: 40 },
  maxBlocks: 10_000,
  invitationsPerUser: { capacity: 30, windowSeconds: 60 },
  inviteLookupsPerUser: { capacity: 20, windowSeconds: 60 },
  reportsPerUser: { capacity: 10, windowSeconds: 600 },
};
