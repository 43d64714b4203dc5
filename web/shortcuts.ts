import { chats, state } from './state.js';

// Keyboard shortcuts for the common actions (listed in the page's help line):
// Ctrl/⌘+K or "/" search · Alt+↑/↓ previous/next chat · Esc back to the list · ↑ in an empty
// message box edits my last message (conversation.ts).

export function shortcuts(actions: { open(chatId: string): void; back(): void; focusSearch(): void }): void {
  document.addEventListener('keydown', (e) => {
    const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'k') {
      e.preventDefault();
      actions.focusSearch();
    } else if (e.key === '/' && !typing) {
      e.preventDefault();
      actions.focusSearch();
    } else if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      const order = [...document.querySelectorAll<HTMLElement>('#chat-list button[data-chat]')].map(
        (b) => b.dataset.chat as string,
      );
      if (order.length === 0) return;
      const at = state.active ? order.indexOf(state.active) : -1;
      const next = order[Math.max(0, Math.min(order.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
      if (next && chats.has(next)) actions.open(next);
    } else if (e.key === 'Escape' && !typing && state.active) {
      actions.back();
    }
  });
}
