// Shared input patterns, free of Node imports so the browser client's types can use them.

/** A ULID: 26 Crockford base32 characters (user, message and group ids). */
export const ULID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
