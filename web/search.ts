import { api, describe } from './api.js';
import { h } from './dom.js';

// Finding people as you type: debounced, at least 3 characters (the API's minimum), the newest
// query wins (an older answer arriving late is dropped), Enter searches at once.

export interface PublicUser {
  id: string;
  userName: string;
  displayName?: string;
}

const MIN = 3;
const DEBOUNCE_MS = 250;

export function findUsers(q: string): Promise<PublicUser[]> {
  return api<{ users: PublicUser[] }>(`/v1/users?query=${encodeURIComponent(q)}`).then((r) => r.users);
}

/**
 * Wires a search box to a result list. `render` turns the people found into list items;
 * `onQuery` hears every keystroke (e.g. to filter the chat list).
 */
export function searchAsYouType(opts: {
  input: HTMLInputElement;
  results: HTMLElement;
  error: HTMLElement;
  render: (users: PublicUser[]) => HTMLElement[];
  onQuery?: (q: string) => void;
}): { now(): void } {
  const { input, results, error } = opts;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const run = async () => {
    clearTimeout(timer);
    const q = input.value.trim();
    const ticket = ++asked;
    if (q.length < MIN) {
      results.replaceChildren();
      error.textContent = '';
      return;
    }
    results.setAttribute('aria-busy', 'true');
    try {
      const users = await findUsers(q);
      if (ticket !== asked) return;
      error.textContent = '';
      const items = opts.render(users);
      results.replaceChildren(
        ...(items.length ? items : [h('li', { class: 'hint' }, `No one found for "${q}"`)]),
      );
    } catch (x) {
      if (ticket !== asked) return;
      results.replaceChildren();
      error.textContent = `Search failed: ${describe(x)}`;
    } finally {
      if (ticket === asked) results.removeAttribute('aria-busy');
    }
  };
  input.addEventListener('input', () => {
    opts.onQuery?.(input.value);
    clearTimeout(timer);
    timer = setTimeout(() => void run(), DEBOUNCE_MS);
  });
  return { now: () => void run() };
}
