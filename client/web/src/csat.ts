/// <reference lib="dom" />
/** The customer's rating of a resolved case (1–5 and a comment), asked once per resolution. */
import { type ChangeEvent, createElement as h, type ReactNode, useEffect, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { WebCustomerCaseQuery, WebRateCaseMutation } from '../../src/workspace-operations.js';
import { run } from './api.js';
import { ErrorNote, type ShownError, toShownError } from './ui.js';

const WORDS = ['', 'Poor', 'Not great', 'OK', 'Good', 'Great'];

export function CsatPrompt(props: { desk: DeskClient; caseId: string }): ReactNode {
  const { desk, caseId } = props;
  const [rated, setRated] = useState<number | null | undefined>(undefined);
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);

  useEffect(() => {
    let cancelled = false;
    run(desk.urql.query(WebCustomerCaseQuery, { id: caseId }, { requestPolicy: 'network-only' }).toPromise()).then(
      (d) => !cancelled && setRated(d.case.rating?.score ?? null),
      (err: unknown) => !cancelled && setError(toShownError(err)),
    );
    return () => {
      cancelled = true;
    };
  }, [desk, caseId]);

  const send = () => {
    if (!score || busy) return;
    setBusy(true);
    setError(null);
    run(desk.urql.mutation(WebRateCaseMutation, { caseId, score, comment: comment.trim() || null }).toPromise())
      .then((r) => setRated(r.rateCase.score))
      .catch((err: unknown) => setError(toShownError(err, 'Your rating')))
      .finally(() => setBusy(false));
  };

  if (rated === undefined) return error ? h(ErrorNote, { error }) : null;
  if (rated !== null)
    return h(
      'section',
      { className: 'card csat-card', 'data-testid': 'csat-thanks' },
      h('p', null, `Thank you for your feedback (${rated} of 5).`),
    );
  return h(
    'section',
    { className: 'card csat-card', 'aria-label': 'Rate this conversation', 'data-testid': 'csat-prompt' },
    h('h2', null, 'How did we do?'),
    h(
      'div',
      { className: 'stars-pick', role: 'group', 'aria-label': 'Your rating' },
      [1, 2, 3, 4, 5].map((n) =>
        h(
          'button',
          {
            key: n,
            type: 'button',
            'aria-pressed': score === n,
            title: WORDS[n],
            onClick: () => setScore(n),
            'data-testid': `csat-star-${n}`,
          },
          `${'★'.repeat(n)} ${n}`,
        ),
      ),
    ),
    h('label', { htmlFor: 'csat-comment' }, 'Anything to add? (optional)'),
    h('textarea', {
      id: 'csat-comment',
      rows: 2,
      value: comment,
      maxLength: 1000,
      onChange: (e: ChangeEvent<HTMLTextAreaElement>) => setComment(e.currentTarget.value),
      'data-testid': 'csat-comment',
    }),
    h(
      'div',
      { className: 'row' },
      h(
        'button',
        { type: 'button', className: 'primary', disabled: !score || busy, onClick: send, 'data-testid': 'csat-submit' },
        'Send rating',
      ),
    ),
    h(ErrorNote, { error, testId: 'csat-error' }),
  );
}
