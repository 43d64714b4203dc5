// Shared input patterns, free of Node imports so the browser client's types can use them.

/** A ULID: 26 Crockford base32 characters (user, message and group ids). */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;

/** A chat id: a group's (g_ + ULID) or a direct chat's (d_ + 26 URL-safe base64 characters). */
export const CHAT_ID_PATTERN = /^(g_[0-9A-HJKMNP-TV-Z]{26}|d_[A-Za-z0-9_-]{26})$/;

/** A client's id for its send (1–64 characters, checked apart). */
export const CLIENT_MSG_ID_PATTERN = /^[A-Za-z0-9_-]+$/;
