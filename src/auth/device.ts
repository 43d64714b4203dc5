const MAX_LABEL_CHARS = 120;

// C0 controls and DEL would let a User-Agent forge lines in a sessions list.
const isControl = (ch: string) => {
  const code = ch.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
};

/** A session's label: the User-Agent it signed in with, made printable and short. */
export function deviceLabel(userAgent: string | undefined): string {
  const printable = [...(userAgent ?? '')].map((ch) => (isControl(ch) ? ' ' : ch)).join('');
  const clean = printable.replace(/\s+/g, ' ').trim();
  return clean === '' ? 'Unknown device' : clean.slice(0, MAX_LABEL_CHARS);
}
