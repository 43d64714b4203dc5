import { h } from './dom.js';
import { type Chat, type Member, me, nameOf } from './state.js';

// Mentions in a group's composer: typing "@" and the start of a member's name offers the members
// who match; picking one (click, Enter or Tab) writes "@userName". A message mentions the members
// whose "@userName" it still contains when sent, so deleting the text drops the mention.

const MAX_SHOWN = 6;

/** The "@query" that ends at the caret, if any. */
function queryAt(input: HTMLTextAreaElement): { start: number; query: string } | undefined {
  const before = input.value.slice(0, input.selectionStart ?? input.value.length);
  const m = /(^|\s)@([\p{L}\p{N}_.-]*)$/u.exec(before);
  return m
    ? { start: before.length - (m[2] as string).length - 1, query: (m[2] as string).toLowerCase() }
    : undefined;
}

const matches = (m: Member, q: string) =>
  m.userName.toLowerCase().startsWith(q) || (m.displayName ?? '').toLowerCase().startsWith(q);

/** Ids of the chat's members (not me) whose "@userName" the text contains. */
export function mentionsIn(chat: Chat, text: string): string[] {
  if (chat.type !== 'group') return [];
  return chat.members
    .filter((m) => m.userId !== me())
    .filter((m) =>
      new RegExp(
        `(^|\\s)@${m.userName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?!\\.*[\\p{L}\\p{N}_])`,
        'u',
      ).test(text),
    )
    .map((m) => m.userId);
}

export interface MentionPicker {
  element: HTMLElement;
  /** Keys the open list uses (arrows, Enter, Tab, Escape); true when it took the key. */
  keydown(e: KeyboardEvent): boolean;
  /** After each input: opens, filters or closes the list. */
  update(): void;
}

export function mentionPicker(chat: Chat, input: HTMLTextAreaElement): MentionPicker {
  const list = h('ul', {
    class: 'mention-picker',
    role: 'listbox',
    id: 'mention-picker',
    'aria-label': 'Mention a member',
    hidden: true,
  });
  let shown: Member[] = [];
  let selected = 0;
  const close = () => {
    shown = [];
    list.hidden = true;
    input.removeAttribute('aria-activedescendant');
  };
  const pick = (m: Member) => {
    const at = queryAt(input);
    if (!at) return close();
    const caret = input.selectionStart ?? input.value.length;
    const insert = `@${m.userName} `;
    input.value = input.value.slice(0, at.start) + insert + input.value.slice(caret);
    const pos = at.start + insert.length;
    input.setSelectionRange(pos, pos);
    input.dispatchEvent(new Event('input')); // the draft and typing indicator see it
    close();
    input.focus();
  };
  const draw = () => {
    list.replaceChildren(
      ...shown.map((m, i) =>
        h(
          'li',
          {
            role: 'option',
            id: `mention-${m.userId}`,
            'aria-selected': String(i === selected),
            onmousedown: (e: Event) => {
              e.preventDefault(); // keep the composer's focus and caret
              pick(m);
            },
          },
          nameOf(m),
          m.displayName ? h('span', { class: 'handle' }, ` @${m.userName}`) : '',
        ),
      ),
    );
    list.hidden = shown.length === 0;
    const current = shown[selected];
    if (current) input.setAttribute('aria-activedescendant', `mention-${current.userId}`);
  };
  // A textarea is a textbox: it may name its suggestions and the current one (not aria-expanded).
  input.setAttribute('aria-controls', 'mention-picker');
  input.setAttribute('aria-autocomplete', 'list');
  input.addEventListener('blur', close);
  return {
    element: list,
    update() {
      const at = chat.type === 'group' ? queryAt(input) : undefined;
      if (!at) return close();
      shown = chat.members.filter((m) => m.userId !== me() && matches(m, at.query)).slice(0, MAX_SHOWN);
      selected = 0;
      draw();
    },
    keydown(e) {
      // An input method composing (CJK) owns the arrows and Enter.
      if (shown.length === 0 || e.isComposing) return false;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        selected = (selected + (e.key === 'ArrowDown' ? 1 : shown.length - 1)) % shown.length;
        draw();
      } else if (e.key === 'Enter' || e.key === 'Tab') pick(shown[selected] as Member);
      else if (e.key === 'Escape') close();
      else return false;
      e.preventDefault();
      return true;
    },
  };
}
