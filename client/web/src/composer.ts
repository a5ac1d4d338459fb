/// <reference lib="dom" />
/**
 * The composer: a reply to the customer or an internal note, with canned responses on `/` (filled
 * in for the case; sent as the canned response when left as it is, so its actions run too).
 */
import { type ChangeEvent, createElement as h, type KeyboardEvent, type ReactNode, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { replyAsOperator, updateCase } from './api.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';
import { addLabel, addNote, applyCanned, type CaseDetails, renderCanned } from './workspace-api.js';

type Canned = CaseDetails['cannedResponses'][number];

export function Composer(props: {
  desk: DeskClient;
  caseId: string;
  canned: Canned[];
  closed: boolean;
  onDone: () => void;
}): ReactNode {
  const { desk, caseId } = props;
  const [mode, setMode] = useState<'reply' | 'note'>('reply');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [picked, setPicked] = useState<{ canned: Canned; text: string } | null>(null);
  const [choice, setChoice] = useState(0);

  // "/word" at the start opens the canned responses whose title matches.
  const query = mode === 'reply' && /^\/\S*$/.test(text) ? text.slice(1).toLowerCase() : null;
  const matches = query === null ? [] : props.canned.filter((c) => c.title.toLowerCase().includes(query));

  const pick = (c: Canned) => {
    setBusy(true);
    setError(null);
    renderCanned(desk, caseId, c.id)
      .then((body) => {
        setText(body);
        setPicked({ canned: c, text: body });
      })
      .catch((err: unknown) => setError(toShownError(err, 'The canned response')))
      .finally(() => setBusy(false));
  };

  const send = () => {
    const body = text.trim();
    if (!body || busy) return;
    setBusy(true);
    setError(null);
    const run = async () => {
      if (mode === 'note') return addNote(desk, caseId, body);
      if (picked && picked.text.trim() === body) return applyCanned(desk, caseId, picked.canned.id);
      await replyAsOperator(desk, caseId, body);
      // An edited canned reply still runs the canned response's actions.
      const actions = picked?.canned.actions;
      if (actions?.addLabel) await addLabel(desk, caseId, actions.addLabel);
      if (actions?.status) await updateCase(desk, { caseId, status: actions.status });
    };
    run()
      .then(() => {
        setText('');
        setPicked(null);
        props.onDone();
      })
      .catch((err: unknown) => setError(toShownError(err, mode === 'note' ? 'The note' : 'The reply')))
      .finally(() => setBusy(false));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (matches.length) {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        const step = e.key === 'ArrowDown' ? 1 : -1;
        setChoice((i) => (i + step + matches.length) % matches.length);
        return;
      }
      if (e.key === 'Enter' || e.key === 'Tab') {
        e.preventDefault();
        const c = matches[Math.min(choice, matches.length - 1)];
        if (c) pick(c);
        return;
      }
    }
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      send();
    }
  };

  const note = mode === 'note';
  return h(
    'form',
    {
      className: `composer${note ? ' note-mode' : ''}`,
      'data-testid': 'composer',
      onSubmit: (e) => {
        e.preventDefault();
        send();
      },
    },
    h(
      'div',
      { className: 'row mode', role: 'tablist', 'aria-label': 'Compose' },
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': !note,
          className: note ? 'tab' : 'tab active',
          onClick: () => setMode('reply'),
          'data-testid': 'mode-reply',
        },
        'Reply',
      ),
      h(
        'button',
        {
          type: 'button',
          role: 'tab',
          'aria-selected': note,
          className: note ? 'tab active' : 'tab',
          onClick: () => setMode('note'),
          'data-testid': 'mode-note',
        },
        'Internal note',
      ),
      h(
        'span',
        { className: 'muted small' },
        note ? 'Staff only: the customer never sees notes.' : 'Type / for canned responses.',
      ),
    ),
    h(
      'label',
      { htmlFor: 'composer-text', className: 'sr-only' },
      note ? 'Internal note (staff only)' : 'Reply as operator (the customer sees it; stops the AI)',
    ),
    h('textarea', {
      id: 'composer-text',
      rows: 3,
      value: text,
      disabled: props.closed && !note,
      placeholder: note ? 'A note for the team…' : 'Reply to the customer… (/ for canned responses)',
      onChange: (e: ChangeEvent<HTMLTextAreaElement>) => {
        setText(e.currentTarget.value);
        setChoice(0);
      },
      onKeyDown,
      'data-testid': 'reply-input',
    }),
    matches.length
      ? h(
          'ul',
          { className: 'canned-menu', role: 'listbox', 'aria-label': 'Canned responses', 'data-testid': 'canned-menu' },
          matches.map((c, i) =>
            h(
              'li',
              {
                key: c.id,
                role: 'option',
                'aria-selected': i === choice,
                className: i === choice ? 'active' : '',
                onMouseDown: (e) => {
                  e.preventDefault();
                  pick(c);
                },
                'data-testid': 'canned-option',
              },
              c.title,
              c.actions.status || c.actions.addLabel
                ? h(
                    'span',
                    { className: 'muted small' },
                    ` → ${[c.actions.status?.toLowerCase(), c.actions.addLabel].filter(Boolean).join(', ')}`,
                  )
                : null,
            ),
          ),
        )
      : null,
    h(
      'div',
      { className: 'row' },
      h(
        'button',
        {
          type: 'submit',
          className: 'primary',
          disabled: busy || !text.trim() || (props.closed && !note),
          'data-testid': 'reply-send',
        },
        note
          ? 'Add note'
          : picked && picked.text.trim() === text.trim()
            ? `Send “${picked.canned.title}”`
            : 'Send reply',
      ),
      h('span', { className: 'muted small' }, 'Ctrl+Enter sends'),
    ),
    h(ErrorNote, { error, testId: 'composer-error' }),
  );
}
