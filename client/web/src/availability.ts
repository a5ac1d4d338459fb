/// <reference lib="dom" />
/** The operator's own availability (online, away, offline), which auto-assignment follows. */
import { type ChangeEvent, createElement as h, type ReactNode, useEffect, useState } from 'react';
import type { Availability } from '../../generated/graphql.js';
import type { DeskClient } from '../../src/desk-client.js';
import { WebSetAvailabilityMutation } from '../../src/workspace-operations.js';
import { plainError, run } from './api.js';
import { type DeskLive, useDeskEvent } from './desk-live.js';
import { deskDirectory } from './workspace-api.js';

const CHOICES: { value: Availability; text: string }[] = [
  { value: 'ONLINE', text: 'Online (gets cases)' },
  { value: 'AWAY', text: 'Away' },
  { value: 'OFFLINE', text: 'Offline' },
];

export function AvailabilityPicker(props: { desk: DeskClient; feed: DeskLive; meId: string }): ReactNode {
  const { desk, meId } = props;
  // null: not an operator record (an admin without one, say): nothing to show.
  const [value, setValue] = useState<Availability | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    deskDirectory(desk).then(
      (d) => setValue(d.operators.find((o) => o.id === meId)?.availability ?? null),
      () => undefined,
    );
  }, [desk, meId]);
  useDeskEvent(props.feed, (ev) => {
    if (ev.__typename === 'OperatorChanged' && ev.operatorId === meId)
      setValue(ev.availability.toUpperCase() as Availability);
  });
  if (!value) return null;
  const picker = h(
    'select',
    {
      'aria-label': 'Your availability',
      className: `availability avail-${value.toLowerCase()}`,
      value,
      disabled: busy,
      onChange: (e: ChangeEvent<HTMLSelectElement>) => {
        const availability = e.currentTarget.value as Availability;
        setBusy(true);
        setError(null);
        run(desk.urql.mutation(WebSetAvailabilityMutation, { availability }).toPromise())
          .then((r) => setValue(r.setAvailability.availability))
          .catch((err: unknown) => setError(plainError(err, 'Changing your availability')))
          .finally(() => setBusy(false));
      },
      'data-testid': 'availability',
    },
    CHOICES.map((c) => h('option', { key: c.value, value: c.value }, c.text)),
  );
  return error ? h('span', null, picker, h('span', { className: 'badge warn', role: 'status' }, error)) : picker;
}
