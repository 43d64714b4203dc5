// What every platform's notification carries (docs: README "Push notifications").

export interface PushPayload {
  type: 'message';
  chatId: string;
  messageId: string;
  senderId: string;
  senderName: string;
  /** A preview of the text; absent when the recipient turned previews off (pushPreviews: false). */
  text?: string;
  /** The recipient's unread messages over all their chats. */
  badge: number;
}

/** Code points of text kept in a preview: notifications show a line or two. */
export const PREVIEW_CHARS = 120;

export function preview(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= PREVIEW_CHARS ? chars.join('') : `${chars.slice(0, PREVIEW_CHARS - 1).join('')}…`;
}

/** Shown when there is no text to show. */
export const NO_PREVIEW = 'New message';
