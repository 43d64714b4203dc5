import { z } from 'zod';

// Text that other people see (names, messages) is normalized once here, at the edge: NFC so the
// same word is stored the same way, and refused when it could hide, reorder or fake what is
// shown. Free of Node imports so the browser client's types can use it.

/** Bidi embeddings/overrides (U+202A–U+202E) and isolates (U+2066–U+2069): they reorder what follows. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/;
/** An unpaired UTF-16 surrogate (paired ones form one astral code point and do not match). */
const LONE_SURROGATE = /\p{Cs}/u;
/** Text made only of characters that render as nothing (and spaces) looks empty. (The two
 * alternatives share no character: a failed match never backtracks between them.) */
const ONLY_INVISIBLE =
  /^(?:[\s\u00AD\u115F\u1160\u180E\u200B-\u200F\u2060-\u2064\uFEFF\u3164\uFFA0]|\u034F)*$/u;

export interface TextRules {
  min?: number;
  max: number;
  /** Messages keep tab, newline and carriage return; names are one line. */
  multiline?: boolean;
}

/** Why the text is refused, or undefined when it is fine (expects NFC, trimmed input). */
export function textProblem(text: string, multiline = false): string | undefined {
  if (LONE_SURROGATE.test(text)) return 'must not contain unpaired surrogates';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const lineBreak = c === 0x09 || c === 0x0a || c === 0x0d;
    if (lineBreak && !multiline) return 'must be a single line';
    if ((c < 0x20 && !lineBreak) || (c >= 0x7f && c <= 0x9f)) return 'must not contain control characters';
    if (!multiline && (c === 0x2028 || c === 0x2029)) return 'must be a single line';
  }
  if (BIDI_CONTROLS.test(text)) return 'must not contain bidirectional override characters';
  if (ONLY_INVISIBLE.test(text)) return 'must contain visible characters';
  return undefined;
}

/**
 * The text as safeText's schema stores it (NFC, trimmed), or undefined when that schema refuses
 * it: for hand-checked hot paths (realtime/send-frame.ts), which then let zod say why.
 */
export function cleanText(text: string, { min = 1, max, multiline = false }: TextRules): string | undefined {
  const clean = text.normalize('NFC').trim();
  if (clean.length < min || clean.length > max || textProblem(clean, multiline)) return undefined;
  return clean;
}

/** A zod string: NFC-normalized, trimmed, within `min`–`max` characters, and free of textProblem. */
export function safeText({ min = 1, max, multiline = false }: TextRules) {
  return z
    .string()
    .normalize('NFC')
    .trim()
    .min(min, min === 1 ? 'must not be empty' : `must be ${min} to ${max} characters`)
    .max(max, `must be at most ${max} characters`)
    .superRefine((s, ctx) => {
      const problem = textProblem(s, multiline);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    });
}
