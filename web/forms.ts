import { ApiError, describe } from './api.js';
import { h } from './dom.js';

// Errors where they happened: a form-level line, and per-field lines tied to their inputs.

/** An input with its label and the line its errors show in (`<id>-error`, read with the field). */
export function field(
  id: string,
  label: string,
  attrs: Record<string, string | boolean> = {},
  tag: 'input' | 'textarea' = 'input',
): { input: HTMLInputElement; nodes: HTMLElement[] } {
  const input = h(tag, { id, name: id, 'aria-describedby': `${id}-error`, ...attrs }) as HTMLInputElement;
  const error = h('p', { class: 'field-error', id: `${id}-error`, role: 'alert' });
  return { input, nodes: [h('label', { for: id }, label), input, error] };
}

/** Shows an error on a field (empty clears it). */
export function setFieldError(input: HTMLElement, message: string): void {
  const line = document.getElementById(`${input.id}-error`);
  if (line) line.textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

/**
 * Puts a failure where it belongs: each of the API's field `details` on its field (named as the
 * form names it), the rest on the form's line. Focuses the first field in error.
 */
export function showError(
  x: unknown,
  formLine: HTMLElement,
  fields: Record<string, { input: HTMLElement; label: string }> = {},
): void {
  for (const f of Object.values(fields)) setFieldError(f.input, '');
  formLine.textContent = '';
  const details = x instanceof ApiError ? x.details : [];
  let first: HTMLElement | undefined;
  const rest: string[] = [];
  for (const d of details) {
    const f = fields[d.path];
    if (!f) {
      rest.push(d.path ? `${d.path} ${d.message}` : d.message);
      continue;
    }
    setFieldError(f.input, `${f.label} ${d.message}`);
    first ??= f.input;
  }
  if (!first || rest.length > 0) formLine.textContent = rest.length ? rest.join('; ') : describe(x);
  first?.focus();
}
