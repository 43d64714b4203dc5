import { requestReset } from './account.js';
import { api, describe, type Session, setSession } from './api.js';
import { h } from './dom.js';
import { field, showError } from './forms.js';

// Signing in and signing up: two modes of one screen, each form submitting what it says.

export function renderAuth(
  app: HTMLElement,
  done: () => Promise<void>,
  opts: { mode?: 'login' | 'signup'; error?: string; notice?: string } = {},
): void {
  const mode = opts.mode ?? 'login';
  const signup = mode === 'signup';
  const email = field('email', 'Email', { type: 'email', autocomplete: 'email', required: true });
  const password = field('password', 'Password', {
    type: 'password',
    autocomplete: signup ? 'new-password' : 'current-password',
    required: true,
    ...(signup ? { minlength: '8' } : {}),
  });
  const userName = field('userName', 'User name', { autocomplete: 'username', required: true });
  const err = h('p', { class: 'error', role: 'alert' }, opts.error ?? '');
  const info = h('p', { class: 'notice', role: 'status' }, opts.notice ?? '');
  const fields = {
    email: { input: email.input, label: 'Email' },
    password: { input: password.input, label: 'Password' },
    userName: { input: userName.input, label: 'User name' },
  };
  const busy = h('button', { type: 'submit', class: 'primary' }, signup ? 'Sign up' : 'Sign in');
  const submit = async (e: Event) => {
    e.preventDefault();
    const body: Record<string, string> = { email: email.input.value, password: password.input.value };
    if (signup) body.userName = userName.input.value;
    busy.setAttribute('disabled', '');
    try {
      setSession(await api<Session>(`/v1/auth/${mode}`, { body, auth: false }));
      await done();
    } catch (x) {
      showError(x, err, fields);
      busy.removeAttribute('disabled');
    }
  };
  const forgot = async () => {
    try {
      info.textContent = await requestReset(email.input.value);
    } catch (x) {
      err.textContent = describe(x);
    }
  };
  // The typed email goes along to the other mode: nothing typed is lost.
  const switchTo = (next: 'login' | 'signup') => () => {
    const typed = email.input.value;
    renderAuth(app, done, { mode: next });
    (document.getElementById('email') as HTMLInputElement).value = typed;
  };
  app.replaceChildren(
    h(
      'form',
      { class: 'auth', 'aria-labelledby': 'auth-title', onsubmit: submit, novalidate: true },
      h('h1', { id: 'auth-title' }, signup ? 'Create your Chat-X account' : 'Sign in to Chat-X'),
      ...email.nodes,
      ...(signup ? userName.nodes : []),
      ...password.nodes,
      err,
      info,
      h('div', { class: 'row' }, busy),
      signup
        ? h(
            'button',
            { type: 'button', class: 'link', onclick: switchTo('login') },
            'I have an account: sign in',
          )
        : h('button', { type: 'button', class: 'link', onclick: switchTo('signup') }, 'Create an account'),
      !signup && h('button', { type: 'button', class: 'link', onclick: forgot }, 'Forgot password?'),
    ),
  );
  email.input.focus();
}
