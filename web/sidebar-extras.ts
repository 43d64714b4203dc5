import { menuParts } from './chat-menu.js';
import { h } from './dom.js';
import { loadInvitations } from './invitations.js';
import { inviteCard, inviteItems } from './invites.js';
import { loadPrivacy, privacyPage } from './privacy.js';
import { loadBlocks, safetyItems } from './safety.js';

// What issue 19 adds around the chat list: invitations, privacy settings, an invite link's card;
// and the safety and invite-link parts of a chat's menu.

menuParts.push(safetyItems, inviteItems);

/** Loads blocks, invitations and privacy; one failing leaves the others (and the app) working. */
export async function loadSafety(): Promise<void> {
  await Promise.allSettled([loadBlocks(), loadInvitations(), loadPrivacy()]);
}

/** The sidebar's extra parts, in order: an invite link's card (if opened by one), invitations, privacy. */
export async function sidebarExtras(): Promise<HTMLElement[]> {
  const card = await inviteCard();
  return [
    ...(card ? [card] : []),
    h('section', { class: 'invitations', id: 'invitations', 'aria-label': 'Invitations', hidden: true }),
    privacyPage(),
  ];
}
