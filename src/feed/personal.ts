// Changes that concern one user rather than a chat (their blocks, privacy settings, invitations)
// reach their other devices through a log of their own: a chat-like log nobody else is in,
// stamped into their feed like any chat's, and a room their connections join.

const PREFIX = 'u_';

/** The id of `userId`'s personal log (never a valid chat id on the wire: chats are g_ or d_). */
export const personalLogId = (userId: string): string => `${PREFIX}${userId}`;

export const isPersonalLog = (chatId: string): boolean => chatId.startsWith(PREFIX);

/** Whose personal log this is (`chatId` is one: see isPersonalLog). */
export const personalLogOwner = (chatId: string): string => chatId.slice(PREFIX.length);

/** Direct chats' ids start with d_ (chats/service.ts directChatId). */
export const isDirectChatId = (chatId: string): boolean => chatId.startsWith('d_');
