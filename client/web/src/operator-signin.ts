/// <reference lib="dom" />
/** The operator sign-in form: a pasted operator or admin token. */
import { type FormEvent, createElement as h, type ReactNode, useState } from 'react';
import { cleanToken } from './api.js';
import { ErrorNote, type ShownError } from './ui.js';

export function SignIn(props: { onToken: (t: string) => void; error: ShownError | null }): ReactNode {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const t = cleanToken(value);
    if (t) props.onToken(t);
  };
  return h(
    'form',
    { className: 'card signin-card', onSubmit: submit, 'data-testid': 'operator-signin-form' },
    h('h2', null, 'Operator sign-in'),
    h(
      'p',
      { className: 'muted' },
      'Paste an operator or admin token (',
      h('code', null, 'npm run token -- --sub maria --role operator'),
      ').',
    ),
    h('label', { htmlFor: 'operator-token' }, 'Operator token'),
    h('input', {
      id: 'operator-token',
      type: 'password',
      autoComplete: 'off',
      value,
      onChange: (e) => setValue(e.currentTarget.value),
      'data-testid': 'operator-token-input',
      placeholder: 'eyJhbGciOi…',
    }),
    h(
      'div',
      { className: 'row' },
      h('button', { type: 'submit', className: 'primary', 'data-testid': 'operator-signin' }, 'Sign in'),
    ),
    h(ErrorNote, { error: props.error, testId: 'signin-error' }),
  );
}
