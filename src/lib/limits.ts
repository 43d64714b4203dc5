import type { RateRule } from './rate-limit.js';

// Product limits in one place: docs/limits.md lists them, tests lower some to reach them quickly.
export interface Limits {
  signupPerIp: RateRule;
  loginPerIp: RateRule;
  loginFailuresPerAccount: RateRule;
  refreshPerIp: RateRule;
  groupMaxMembers: number;
  messageMaxChars: number;
  pageMaxSize: number;
}

export const defaultLimits: Limits = {
  signupPerIp: { capacity: 10, windowSeconds: 3600 },
  loginPerIp: { capacity: 30, windowSeconds: 60 },
  loginFailuresPerAccount: { capacity: 5, windowSeconds: 900 },
  refreshPerIp: { capacity: 60, windowSeconds: 60 },
  groupMaxMembers: 256,
  messageMaxChars: 4000,
  pageMaxSize: 100,
};
