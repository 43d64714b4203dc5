import type { MemberRecord } from '../chats/store.js';
import type { LogEntry } from '../feed/log.js';
import { ulidTime } from '../lib/ids.js';
import type { Message } from './schemas.js';

export interface Receipt {
  userId: string;
  deliveredAt?: string;
  readAt?: string;
}

/** Requests of the change log a receipts lookup may spend (1 MB each) before falling back. */
export const RECEIPT_LOG_PAGES = 4;

/** A member's delivered marker: read implies delivered. */
export const deliveredMarker = (m: Pick<MemberRecord, 'lastDeliveredId' | 'lastReadId'>) =>
  [m.lastDeliveredId, m.lastReadId].reduce<string | undefined>(
    (a, b) => (b !== undefined && (a === undefined || b > a) ? b : a),
    undefined,
  );

const at = (pos: string) => new Date(ulidTime(pos) ?? 0).toISOString();

/**
 * WhatsApp's "message info" for one message: per member who was in the chat when it was sent
 * (the sender aside), when their devices first had it and when they read it. Whether they did
 * comes from the members' forward-only markers; when, from the first `delivered` / `read` change
 * at or past the message in the chat's log (read from the message on, only while some member's
 * time is still unknown). Past the log's reach (31 days, or RECEIPT_LOG_PAGES) the marker's own
 * last move stands in: a time no earlier than the real one.
 */
export async function receiptsOf(
  message: Message,
  members: readonly MemberRecord[],
  changesAfter: (after: string) => AsyncIterable<LogEntry>,
): Promise<Receipt[]> {
  const others = members.filter(
    (m) => m.userId !== message.senderId && (m.joinedPos === undefined || m.joinedPos <= message.id),
  );
  const out = new Map<string, Receipt>(others.map((m) => [m.userId, { userId: m.userId }]));
  const needs = (m: MemberRecord) => {
    const r = out.get(m.userId) as Receipt;
    const delivered = (deliveredMarker(m) ?? '') >= message.id;
    const read = (m.lastReadId ?? '') >= message.id;
    return (delivered && !r.deliveredAt) || (read && !r.readAt);
  };
  let open = others.filter(needs);
  if (open.length > 0) {
    for await (const entry of changesAfter(message.id)) {
      if (entry.kind !== 'change') continue;
      for (const e of entry.events) {
        if ((e.type !== 'delivered' && e.type !== 'read') || e.messageId < message.id) continue;
        const r = out.get(e.userId);
        if (!r) continue;
        r.deliveredAt ??= at(entry.pos);
        if (e.type === 'read') r.readAt ??= at(entry.pos);
      }
      open = open.filter(needs);
      if (open.length === 0) break;
    }
  }
  for (const m of open) {
    const r = out.get(m.userId) as Receipt;
    const byDelivery = (m.lastDeliveredId ?? '') >= message.id;
    if ((deliveredMarker(m) ?? '') >= message.id)
      r.deliveredAt ??= (byDelivery ? m.lastDeliveredAt : m.lastReadAt) ?? message.createdAt;
    if ((m.lastReadId ?? '') >= message.id) r.readAt ??= m.lastReadAt ?? message.createdAt;
  }
  return [...out.values()].sort((a, b) => (a.userId < b.userId ? -1 : 1));
}
