/// <reference lib="dom" />
/** The customer page: a guest session (or a pasted token), a request form, the live answer, past cases. */
import {
  type ChangeEvent,
  type FormEvent,
  createElement as h,
  type KeyboardEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react';
import { type CaseSummary, type DeskClient, newIdempotencyKey, startGuestSession } from '../../src/desk-client.js';
import {
  answerAction,
  type CaseAction,
  cleanToken,
  fetchCaseActions,
  fetchMe,
  formatAge,
  GRAPHQL_URL,
  label,
  type RequestType,
  readToken,
  type Viewer,
  writeToken,
} from './api.js';
import { useBranding } from './branding.js';
import { useCaseStream } from './case-stream.js';
import { CsatPrompt } from './csat.js';
import { CustomerChat } from './customer-chat.js';
import { useDesk } from './hooks.js';
import { ErrorNote, type ShownError, toShownError, useCountdown } from './ui.js';

const MAX_MESSAGE_LENGTH = 4000;

/** What the customer sees of an action once answered. */
const ACTION_OUTCOME: Record<string, string> = {
  CONFIRMED: 'Confirmed',
  EXECUTED: 'Done',
  IN_REVIEW: 'With a billing specialist',
  APPROVED: 'Approved',
  DECLINED: 'Declined',
  REJECTED: 'Not approved',
};

/** The actions proposed on the case: a yes/no for each pending one, the outcome of the others. */
function PendingActions(props: { desk: DeskClient; caseId: string; refresh: number }): ReactNode {
  const { desk, caseId, refresh } = props;
  const [actions, setActions] = useState<CaseAction[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<ShownError | null>(null);
  const load = useCallback(async () => {
    try {
      setActions(await fetchCaseActions(desk, caseId));
    } catch (err) {
      setError(toShownError(err, 'Loading the proposed actions'));
    }
  }, [desk, caseId]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh (answers so far) is the trigger for a reload.
  useEffect(() => {
    void load();
  }, [load, refresh]);
  const answer = async (id: string, yes: boolean) => {
    setBusy(id);
    setError(null);
    try {
      await answerAction(desk, id, yes);
      await load();
    } catch (err) {
      setError(toShownError(err, yes ? 'Confirming' : 'Declining'));
    } finally {
      setBusy(null);
    }
  };
  if (actions.length === 0 && !error) return null;
  return h(
    'section',
    { className: 'card pending-actions', 'aria-label': 'Proposed actions', 'data-testid': 'pending-actions' },
    h(ErrorNote, { error }),
    actions.map((a) =>
      h(
        'div',
        { key: a.id, className: 'row spread', 'data-testid': 'pending-action', 'data-status': a.status },
        h('span', null, a.question),
        a.status === 'PENDING'
          ? h(
              'span',
              { className: 'row' },
              h(
                'button',
                {
                  type: 'button',
                  className: 'primary',
                  disabled: busy !== null,
                  onClick: () => void answer(a.id, true),
                  'data-testid': 'action-yes',
                },
                'Yes',
              ),
              h(
                'button',
                {
                  type: 'button',
                  disabled: busy !== null,
                  onClick: () => void answer(a.id, false),
                  'data-testid': 'action-no',
                },
                'No',
              ),
            )
          : h('span', { className: 'muted', 'data-testid': 'action-outcome' }, ACTION_OUTCOME[a.status] ?? a.status),
      ),
    ),
  );
}

const REQUEST_TYPES: { value: RequestType; text: string }[] = [
  { value: 'AUTO', text: 'Auto-detect' },
  { value: 'BILLING', text: 'Billing' },
  { value: 'TECHNICAL', text: 'Technical' },
  { value: 'ESCALATION', text: 'Escalation' },
  { value: 'GENERAL', text: 'General' },
  { value: 'COMPLEX', text: 'Complex (several topics)' },
];

export function CustomerPage(): ReactNode {
  const [token, setToken] = useState<string | null>(() => readToken('customer'));
  const desk = useDesk(token);

  const branding = useBranding();
  const [viewer, setViewer] = useState<Viewer | null>(null);
  const [sessionError, setSessionError] = useState<ShownError | null>(null);
  const [guestAttempt, setGuestAttempt] = useState(0);
  const [pasted, setPasted] = useState('');

  // A guest session on first load (no token yet).
  // biome-ignore lint/correctness/useExhaustiveDependencies: guestAttempt is the retry button's trigger.
  useEffect(() => {
    if (token) return;
    let cancelled = false;
    startGuestSession(GRAPHQL_URL).then(
      (s) => {
        if (cancelled) return;
        writeToken('customer', s.token);
        setSessionError(null);
        setToken(s.token);
      },
      (err: unknown) => !cancelled && setSessionError(toShownError(err, 'Starting a session')),
    );
    return () => {
      cancelled = true;
    };
  }, [token, guestAttempt]);

  useEffect(() => {
    setViewer(null);
    if (!desk) return;
    fetchMe(desk).then(setViewer, (err: unknown) => setSessionError(toShownError(err)));
  }, [desk]);

  const [cases, setCases] = useState<CaseSummary[]>([]);
  const [casesError, setCasesError] = useState<ShownError | null>(null);
  const loadCases = useCallback(async () => {
    if (!desk) return;
    try {
      const page = await desk.listCases(null, 20);
      setCases(page.edges.map((e) => e.node));
      setCasesError(null);
    } catch (err) {
      setCasesError(toShownError(err, 'Loading your cases'));
    }
  }, [desk]);
  useEffect(() => {
    setCases([]);
    void loadCases();
  }, [loadCases]);

  const [caseId, setCaseId] = useState<string | null>(null);
  const view = useCaseStream(desk, caseId);
  // The list shows status changes (e.g. resolved by an operator) after each answer or change.
  const completed = view.messages.filter((m) => m.status !== 'STREAMING').length;
  // biome-ignore lint/correctness/useExhaustiveDependencies: completed and view.status are the triggers for a reload.
  useEffect(() => {
    if (caseId) void loadCases();
  }, [caseId, completed, view.status, loadCases]);

  const [requestType, setRequestType] = useState<RequestType>('AUTO');
  const [message, setMessage] = useState('');
  const [emergency, setEmergency] = useState(false);
  const [busy, setBusy] = useState(false);
  const [submitError, setSubmitError] = useState<ShownError | null>(null);
  const idempotencyKey = useRef(newIdempotencyKey());
  const waitLeft = useCountdown(submitError?.retryAt ?? null);

  const length = message.length;
  const tooLong = length > MAX_MESSAGE_LENGTH;
  const canSubmit = !!desk && !busy && message.trim().length > 0 && !tooLong && waitLeft === 0;

  const submit = async () => {
    if (!desk || !canSubmit) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const extra = {
        emergency: emergency || undefined,
        requestType: requestType === 'AUTO' && caseId ? undefined : requestType,
        idempotencyKey: idempotencyKey.current,
      };
      const res = caseId
        ? await desk.followUp(caseId, message, extra)
        : await desk.submitRequest({ ...extra, message });
      idempotencyKey.current = newIdempotencyKey();
      setMessage('');
      setEmergency(false);
      setCaseId(res.case.id);
      void loadCases();
    } catch (err) {
      setSubmitError(toShownError(err, 'Your message'));
    } finally {
      setBusy(false);
    }
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    void submit();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void submit();
    }
  };

  const startNew = () => {
    setCaseId(null);
    setRequestType('AUTO');
    setEmergency(false);
    setSubmitError(null);
  };

  const signIn = (e: FormEvent) => {
    e.preventDefault();
    const t = cleanToken(pasted);
    if (!t) return;
    writeToken('customer', t);
    setPasted('');
    setCaseId(null);
    setSessionError(null);
    setToken(t);
  };
  const newGuest = () => {
    writeToken('customer', null);
    setCaseId(null);
    setSessionError(null);
    setToken(null);
    setGuestAttempt((n) => n + 1);
  };

  return h(
    'main',
    { className: 'page customer', 'data-testid': 'customer-page' },
    h(
      'header',
      { className: 'page-head' },
      h('h1', { 'data-testid': 'company-name' }, branding ? `${branding.companyName} support` : 'Support'),
      branding
        ? h(
            'p',
            { className: 'support-hours', 'data-testid': 'support-hours' },
            `Our team answers ${branding.supportHours}; the assistant answers at any time.`,
          )
        : null,
      h(
        'p',
        { className: 'session', 'data-testid': 'session' },
        viewer
          ? h(
              'span',
              null,
              'Signed in as ',
              h('strong', null, viewer.name ?? viewer.id),
              viewer.id.startsWith('guest') ? ' (guest)' : '',
            )
          : token
            ? 'Signing in…'
            : sessionError
              ? 'Not signed in.'
              : 'Starting a guest session…',
        ' ',
        h('button', { type: 'button', className: 'link', onClick: newGuest }, 'New guest session'),
      ),
      h(
        'details',
        { className: 'signin' },
        h('summary', null, 'Sign in with token'),
        h(
          'form',
          { onSubmit: signIn, className: 'row' },
          h('label', { htmlFor: 'customer-token' }, 'Customer token'),
          h('input', {
            id: 'customer-token',
            type: 'password',
            autoComplete: 'off',
            value: pasted,
            onChange: (e) => setPasted(e.currentTarget.value),
            'data-testid': 'customer-token-input',
            placeholder: 'eyJhbGciOi…',
          }),
          h('button', { type: 'submit', 'data-testid': 'customer-signin' }, 'Sign in'),
        ),
      ),
      h(ErrorNote, { error: sessionError, testId: 'session-error' }),
      sessionError && !token
        ? h('button', { type: 'button', onClick: () => setGuestAttempt((n) => n + 1) }, 'Try again')
        : null,
    ),
    h(
      'div',
      { className: 'columns' },
      h(
        'div',
        { className: 'col-main' },
        caseId ? h('div', { className: 'card' }, h(CustomerChat, { view })) : null,
        caseId && desk && view.status === 'RESOLVED' ? h(CsatPrompt, { key: caseId, desk, caseId }) : null,
        caseId && desk ? h(PendingActions, { desk, caseId, refresh: view.messages.length + completed }) : null,
        h(
          'form',
          {
            className: 'card request-form',
            onSubmit,
            'data-testid': 'request-form',
            'aria-label': caseId ? 'Follow-up message' : 'New request',
          },
          h('h2', null, caseId ? 'Add to this case' : 'How can we help?'),
          h(
            'div',
            { className: 'row' },
            h('label', { htmlFor: 'request-type' }, 'Request type'),
            h(
              'select',
              {
                id: 'request-type',
                value: requestType,
                onChange: (e: ChangeEvent<HTMLSelectElement>) => setRequestType(e.currentTarget.value as RequestType),
                'data-testid': 'request-type',
              },
              REQUEST_TYPES.map((t) => h('option', { key: t.value, value: t.value }, t.text)),
            ),
          ),
          h('label', { htmlFor: 'message' }, 'Your message'),
          h('textarea', {
            id: 'message',
            rows: 5,
            value: message,
            onChange: (e: ChangeEvent<HTMLTextAreaElement>) => setMessage(e.currentTarget.value),
            onKeyDown,
            'aria-describedby': 'message-count message-hint',
            'aria-invalid': tooLong,
            'data-testid': 'message-input',
            placeholder: 'Describe what happened…',
          }),
          h(
            'div',
            { className: 'row spread' },
            h('span', { id: 'message-hint', className: 'muted' }, 'Ctrl+Enter (⌘+Enter) sends'),
            h(
              'span',
              {
                id: 'message-count',
                className: tooLong ? 'count over' : 'count',
                'data-testid': 'message-count',
                'aria-live': 'polite',
              },
              `${length} / ${MAX_MESSAGE_LENGTH}`,
            ),
          ),
          h(
            'div',
            { className: 'row' },
            h('input', {
              id: 'emergency',
              type: 'checkbox',
              checked: emergency,
              onChange: (e) => setEmergency(e.currentTarget.checked),
              'data-testid': 'emergency',
            }),
            h('label', { htmlFor: 'emergency' }, 'This is an emergency (smoke, fire, electrical danger)'),
          ),
          h(
            'div',
            { className: 'row' },
            h(
              'button',
              { type: 'submit', className: 'primary', disabled: !canSubmit, 'data-testid': 'submit' },
              busy ? 'Sending…' : caseId ? 'Send follow-up' : 'Submit request',
            ),
            caseId
              ? h('button', { type: 'button', onClick: startNew, 'data-testid': 'new-request' }, 'Start a new request')
              : null,
          ),
          h(ErrorNote, { error: submitError, testId: 'submit-error' }),
        ),
      ),
      h(
        'aside',
        { className: 'col-side card', 'aria-label': 'Your cases' },
        h('h2', null, 'Your cases'),
        h(ErrorNote, { error: casesError }),
        cases.length === 0 ? h('p', { className: 'muted' }, 'No cases yet.') : null,
        h(
          'ul',
          { className: 'case-list', 'data-testid': 'case-list' },
          cases.map((c) =>
            h(
              'li',
              { key: c.id },
              h(
                'button',
                {
                  type: 'button',
                  className: c.id === caseId ? 'case-item selected' : 'case-item',
                  onClick: () => setCaseId(c.id),
                  'aria-current': c.id === caseId ? 'true' : undefined,
                  'data-testid': 'case-item',
                  'data-case-id': c.id,
                },
                h('span', { className: 'case-subject' }, c.subject),
                h('span', { className: 'muted' }, `${label(c.status)} · ${formatAge(c.createdAt, Date.now())} ago`),
              ),
            ),
          ),
        ),
      ),
    ),
  );
}
