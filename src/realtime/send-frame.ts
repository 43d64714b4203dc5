import { CHAT_ID_PATTERN, CLIENT_MSG_ID_PATTERN } from '../lib/patterns.js';
import { cleanText } from '../lib/text.js';
import { CLIENT_MSG_ID_MAX, MESSAGE_TEXT_RULES } from '../messages/schemas.js';
import type { ClientFrame } from './frames.js';

type SendFrame = Extract<ClientFrame, { type: 'send' }>;

const PLAIN_SEND_KEYS = new Set(['type', 'chatId', 'clientMsgId', 'text', 'retry']);

/**
 * A plain `send` frame (type, chatId, clientMsgId, text and maybe retry) checked by hand, by the
 * same rules as `clientFrame`'s zod schema: zod's checks were ~6% of what the event loop
 * allocated at 2,000 msg/s. It only accepts: anything else (replies, mentions, and every invalid
 * frame) is undefined and goes through zod, which says what is wrong. The test feeds both the
 * same generated frames and requires the same result.
 */
export function plainSend(raw: unknown): SendFrame | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const r = raw as Record<string, unknown>;
  // JSON.parse makes plain objects: every key is its own (an array's would be indices).
  for (const key in r) if (!PLAIN_SEND_KEYS.has(key)) return undefined;
  const { type, chatId, clientMsgId, text, retry } = r;
  if (
    type !== 'send' ||
    typeof chatId !== 'string' ||
    typeof clientMsgId !== 'string' ||
    typeof text !== 'string' ||
    (retry !== undefined && typeof retry !== 'boolean') ||
    clientMsgId.length > CLIENT_MSG_ID_MAX ||
    !CLIENT_MSG_ID_PATTERN.test(clientMsgId) ||
    !CHAT_ID_PATTERN.test(chatId)
  )
    return undefined;
  const clean = cleanText(text, MESSAGE_TEXT_RULES);
  if (clean === undefined) return undefined;
  return retry === undefined
    ? { type, chatId, clientMsgId, text: clean }
    : { type, chatId, clientMsgId, text: clean, retry };
}
