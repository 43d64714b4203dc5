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
