/// <reference lib="dom" />
/**
 * The workspace's live feed: one deskEvents subscription, its state, emergency and SLA alerts (also
 * as desktop notifications), and a way for panes to hear the events they care about.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeskClient } from '../../src/desk-client.js';
import { caseRef, type DeskEvent, followDeskEvents } from './api.js';
import { askNotificationsOnce, notify } from './notify.js';
import { type ShownError, toShownError } from './ui.js';

interface DeskAlert {
  key: string;
  kind: 'emergency' | 'sla-warning' | 'sla-breached';
  caseId: string;
  text: string;
  at: string;
}

export type DeskListener = (ev: DeskEvent) => void;

export interface DeskLive {
  live: boolean;
  error: ShownError | null;
  alerts: DeskAlert[];
  dismiss(key: string): void;
  /** Adds a listener; returns its removal. */
  listen(fn: DeskListener): () => void;
  /** Called after a reconnect (events may have been missed: refetch). */
  onResync(fn: () => void): () => void;
}

const MAX_ALERTS = 6;

function alertOf(ev: DeskEvent): DeskAlert | null {
  switch (ev.__typename) {
    case 'EmergencyAlert':
      return { key: `em-${ev.caseId}`, kind: 'emergency', caseId: ev.caseId, text: ev.reason, at: ev.at };
    case 'SlaWarning':
      return {
        key: `slaw-${ev.caseId}-${ev.target}`,
        kind: 'sla-warning',
        caseId: ev.caseId,
        text: `${ev.target === 'FIRST_RESPONSE' ? 'First response' : 'Resolution'} due soon on case ${caseRef(ev.caseId)}`,
        at: ev.at,
      };
    case 'SlaBreached':
      return {
        key: `slab-${ev.caseId}-${ev.target}`,
        kind: 'sla-breached',
        caseId: ev.caseId,
        text: `${ev.target === 'FIRST_RESPONSE' ? 'First response' : 'Resolution'} target missed on case ${caseRef(ev.caseId)}`,
        at: ev.at,
      };
    default:
      return null;
  }
}

/** Follows deskEvents for the workspace while it is shown. */
export function useDeskLive(desk: DeskClient): DeskLive {
  const [live, setLive] = useState(false);
  const [error, setError] = useState<ShownError | null>(null);
  const [alerts, setAlerts] = useState<DeskAlert[]>([]);
  const listeners = useRef(new Set<DeskListener>());
  const resyncs = useRef(new Set<() => void>());

  useEffect(() => {
    // The browser asks once, on the operator's first click (browsers ignore requests without one).
    const ask = () => askNotificationsOnce();
    window.addEventListener('pointerdown', ask, { once: true });
    return () => window.removeEventListener('pointerdown', ask);
  }, []);

  useEffect(
    () =>
      followDeskEvents(desk, {
        onEvent: (ev) => {
          const alert = alertOf(ev);
          if (alert) {
            setAlerts((list) => [alert, ...list.filter((a) => a.key !== alert.key)].slice(0, MAX_ALERTS));
            notify(alert.kind === 'emergency' ? 'Emergency case' : 'SLA alert', alert.text, alert.key);
          }
          for (const fn of listeners.current) fn(ev);
        },
        onState: (isLive, err) => {
          setLive(isLive);
          if (err && !err.retryable) setError(toShownError(err, 'Live updates'));
          if (isLive) {
            setError(null);
            for (const fn of resyncs.current) fn();
          }
        },
      }),
    [desk],
  );

  const dismiss = useCallback((key: string) => setAlerts((list) => list.filter((a) => a.key !== key)), []);
  const listen = useCallback((fn: DeskListener) => {
    listeners.current.add(fn);
    return () => void listeners.current.delete(fn);
  }, []);
  const onResync = useCallback((fn: () => void) => {
    resyncs.current.add(fn);
    return () => void resyncs.current.delete(fn);
  }, []);
  return { live, error, alerts, dismiss, listen, onResync };
}

/** Runs `fn` for each desk event while mounted (the latest `fn`, without resubscribing). */
export function useDeskEvent(feed: DeskLive, fn: DeskListener): void {
  const ref = useRef(fn);
  ref.current = fn;
  useEffect(() => feed.listen((ev) => ref.current(ev)), [feed.listen]);
}
