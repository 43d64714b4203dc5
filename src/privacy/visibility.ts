import { isDirectChatId } from '../feed/personal.js';
import type { PrivacyState } from './store.js';

// Who sees what of whom: the rules shared by live frames, presence snapshots, sync and chat views.
// Reciprocal, as in WhatsApp: who hides their last seen or read receipts sees no one else's.

/** Whether `viewer` may see `ownerId`'s online status and last seen, as far as the viewer's side goes. */
export function viewerSeesPresence(viewer: PrivacyState, ownerId: string, viaActiveChat: boolean): boolean {
  if (viewer.blockedBy.has(ownerId) || viewer.lastSeen === 'nobody') return false;
  return viewer.lastSeen !== 'chats' || viaActiveChat;
}

/** Whether the owner's own setting lets a viewer see their presence. */
export function ownerShowsPresence(owner: PrivacyState, viewerId: string, viaActiveChat: boolean): boolean {
  if (owner.blocked.has(viewerId) || owner.lastSeen === 'nobody') return false;
  return owner.lastSeen !== 'chats' || viaActiveChat;
}

/**
 * Whether `viewer` may see `readerId`'s read marker in `chatId`, as far as the viewer's side goes
 * (the reader's own read-receipts setting is applied where the marker is published).
 */
export function viewerSeesRead(viewer: PrivacyState, readerId: string, chatId: string): boolean {
  if (viewer.blockedBy.has(readerId)) return false;
  return !isDirectChatId(chatId) || viewer.readReceipts;
}
