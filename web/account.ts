// Forgotten passwords: ask for a reset e-mail, and the page its link opens (/reset?token=…).
import { api } from './api.js';
import { h } from './dom.js';

/** Asks for a reset link; the answer is the same whether or not the address has an account. */
export async function requestReset(email: string): Promise<string> {
  if (!email) return 'Enter your email first, then choose "Forgot password?".';
  await api('/v1/auth/password-reset', { body: { email }, auth: false });
  return `If ${email} has an account, a link to choose a new password is on its way.`;
}

/** The form behind the e-mailed link; `done` shows the sign-in screen with a message. */
export function renderReset(app: HTMLElement, token: string, done: (message: string) => void): void {
  const password = h('input', {
    id: 'new-password',
    type: 'password',
    autocomplete: 'new-password',
    required: true,
  });
  const err = h('p', { class: 'error', role: 'alert' });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const body = { token, newPassword: (password as HTMLInputElement).value };
      await api('/v1/auth/password-reset/confirm', { body, auth: false });
      history.replaceState(null, '', '/');
      done('Your password was changed. Sign in with the new one.');
    } catch (x) {
      err.textContent = x instanceof Error ? x.message : String(x);
    }
  };
  app.replaceChildren(
    h(
      'form',
      { class: 'auth', 'aria-labelledby': 'reset-title', onsubmit: submit },
      h('h1', { id: 'reset-title' }, 'Choose a new password'),
      h('label', { for: 'new-password' }, 'New password'),
      password,
      err,
      h('div', { class: 'row' }, h('button', { type: 'submit', class: 'primary' }, 'Change password')),
    ),
  );
  password.focus();
}
