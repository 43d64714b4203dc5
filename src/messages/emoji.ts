import { z } from 'zod';

// Reactions are one emoji, as a user picks it from a keyboard: a single grapheme (flags, skin
// tones, ZWJ families and keycaps included) made only of emoji code points. Free of Node imports
// so the browser client's types can use it.

/** Code points an emoji grapheme may be built from. */
const EMOJI_PARTS = /^(?:[\p{Emoji}\p{Emoji_Component}\p{Extended_Pictographic}]|\u20E3|\u200D|\uFE0F)+$/u;
/** At least one of these makes it a picture, not a digit, "#" or "*" on its own. */
const PICTURE = /\p{Extended_Pictographic}|\p{Regional_Indicator}{2}|\u20E3/u;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** Whether `s` is exactly one emoji grapheme. */
export function isSingleEmoji(s: string): boolean {
  if (s.length === 0 || s.length > 32) return false;
  if (!EMOJI_PARTS.test(s) || !PICTURE.test(s)) return false;
  let count = 0;
  for (const _ of segmenter.segment(s)) if (++count > 1) return false;
  return count === 1;
}

export const emojiSchema = z.string().normalize('NFC').refine(isSingleEmoji, 'must be a single emoji');
