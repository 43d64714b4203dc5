// A tiny element builder: attributes, on* listeners and children in one call.
export type Attrs = Record<string, string | boolean | ((e: Event) => void)>;
export function h(
  tag: string,
  attrs: Attrs = {},
  ...children: (Node | string | undefined | false)[]
): HTMLElement {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, '');
    else if (v !== false) el.setAttribute(k, v);
  }
  for (const c of children) if (c !== undefined && c !== false) el.append(c);
  return el;
}

const URL_PATTERN = /\bhttps?:\/\/[^\s<>"']+/gi;

/**
 * Text with its http(s) URLs as links that open in a new tab without handing it this page
 * (`noopener noreferrer`). Only http and https become links: never `javascript:` or `data:`.
 */
export function linkify(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let at = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    // Trailing punctuation reads as the sentence's, not the URL's.
    const url = match[0].replace(/[.,;:!?)\]]+$/, '');
    const start = match.index ?? 0;
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      continue;
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') continue;
    if (start > at) out.push(text.slice(at, start));
    out.push(h('a', { href: parsed.href, target: '_blank', rel: 'noopener noreferrer' }, url));
    at = start + url.length;
  }
  if (at < text.length) out.push(text.slice(at));
  return out;
}
