// Times, dates and names as people read them, in the browser's locale.

const time = (d: Date) => d.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

function startOfDay(d: Date): number {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
}

/** "Today", "Yesterday", or the date (with the year when it is not this one). */
export function dayLabel(iso: string, now = new Date()): string {
  const d = new Date(iso);
  const days = Math.round((startOfDay(now) - startOfDay(d)) / 86_400_000);
  if (days === 0) return 'Today';
  if (days === 1) return 'Yesterday';
  return d.toLocaleDateString([], {
    day: 'numeric',
    month: 'short',
    ...(d.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
}

export const sameDay = (a: string, b: string) => startOfDay(new Date(a)) === startOfDay(new Date(b));

export const clock = (iso: string) => time(new Date(iso));

/** For the chat list: the time today, "Yesterday", else the date. */
export function listStamp(iso: string): string {
  const label = dayLabel(iso);
  return label === 'Today' ? clock(iso) : label;
}

/** "last seen today at 14:02", "last seen yesterday at …", "last seen 21 Nov at …". */
export function lastSeen(iso: string): string {
  const label = dayLabel(iso);
  const day = label === 'Today' || label === 'Yesterday' ? label.toLowerCase() : label;
  return `last seen ${day} at ${clock(iso)}`;
}

/** One or two letters for an avatar. */
export function initials(name: string): string {
  const words = name.split(/[\s_.-]+/).filter(Boolean);
  const letters = words.length > 1 ? `${words[0]?.[0] ?? ''}${words[1]?.[0] ?? ''}` : name.slice(0, 2);
  return letters.toUpperCase();
}

/** A steady hue per name, so each person's avatar keeps its colour. */
export function hue(name: string): number {
  let n = 0;
  for (const c of name) n = (n * 31 + (c.codePointAt(0) ?? 0)) % 360;
  return n;
}
