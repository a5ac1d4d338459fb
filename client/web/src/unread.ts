/// <reference lib="dom" />
/** Unread marks: the last event of each case this browser has shown, kept in localStorage. */
import { useCallback, useState } from 'react';

const KEY = 'crewdesk.seenSeq';
const MAX_ENTRIES = 500;

function load(): Record<string, number> {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as unknown;
    return raw && typeof raw === 'object' ? (raw as Record<string, number>) : {};
  } catch {
    return {};
  }
}

function save(seen: Record<string, number>): void {
  try {
    const entries = Object.entries(seen);
    // Oldest insertions go first when the map grows past its bound.
    localStorage.setItem(KEY, JSON.stringify(Object.fromEntries(entries.slice(-MAX_ENTRIES))));
  } catch {
    /* storage full or disabled: marks last for this page only */
  }
}

export interface Unread {
  isUnread(caseId: string, lastEventSeq: number): boolean;
  markSeen(caseId: string, seq: number): void;
}

/** The marks, and a way to move one forward. */
export function useUnread(): Unread {
  const [seen, setSeen] = useState(load);
  const isUnread = useCallback((id: string, seq: number) => (seen[id] ?? 0) < seq, [seen]);
  const markSeen = useCallback((id: string, seq: number) => {
    setSeen((s) => {
      if ((s[id] ?? 0) >= seq) return s;
      const { [id]: _old, ...rest } = s;
      const next = { ...rest, [id]: seq };
      save(next);
      return next;
    });
  }, []);
  return { isUnread, markSeen };
}
