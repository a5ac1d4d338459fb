import { describe, expect, it } from 'vitest';
import { coalesce } from '../../server/desk/case-event-log.js';
import { CaseHistory } from '../../server/desk/case-history.js';
import type { CaseEvent } from '../../server/events.js';

const at = new Date(0);
const delta = (caseId: string, seq: number, messageId = 'm1'): CaseEvent => ({
  type: 'TOKEN_DELTA',
  agent: 'general',
  messageId,
  text: `t${seq}`,
  seq,
  caseId,
  at,
});
const status = (caseId: string, seq: number): CaseEvent => ({
  type: 'STATUS_CHANGED',
  from: 'OPEN',
  to: 'IN_PROGRESS',
  by: 'router',
  seq,
  caseId,
  at,
});
const completed = (caseId: string, seq: number, messageId = 'm1'): CaseEvent =>
  ({ type: 'MESSAGE_COMPLETED', message: { id: messageId }, seq, caseId, at }) as unknown as CaseEvent;

describe('CaseHistory', () => {
  it('serves a replay from memory when it holds every event after the cursor', () => {
    const h = new CaseHistory();
    for (let s = 1; s <= 5; s++) h.append(status('a', s));
    expect(h.after('a', 0)?.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(h.after('a', 3)?.map((e) => e.seq)).toEqual([4, 5]);
  });

  it('says the database must be read when the cursor is before what it holds', () => {
    const h = new CaseHistory();
    h.append(status('b', 1001));
    h.append(status('b', 1002));
    expect(h.after('b', 0)).toBeNull();
    expect(h.after('b', 999)).toBeNull();
    expect(h.after('b', 1000)?.map((e) => e.seq)).toEqual([1001, 1002]);
    expect(h.held('b')).toHaveLength(2);
    expect(h.after('unknown', 0)).toBeNull();
  });

  it("keeps a completed message's deltas for the grace period, then drops only them", () => {
    const h = new CaseHistory({ deltaGraceMs: 1000 });
    h.append(status('c', 1));
    h.append(delta('c', 2));
    h.append(delta('c', 3));
    h.append(completed('c', 4));
    h.sweep(Date.now() + 500);
    expect(h.after('c', 0)?.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    h.sweep(Date.now() + 1500);
    expect(h.after('c', 0)?.map((e) => e.seq)).toEqual([1, 4]);
    h.close();
  });

  it('drops the least recently published cases past the total event limit, and counts what it holds', () => {
    const h = new CaseHistory({ maxEvents: 5, deltaGraceMs: 1000 });
    for (let s = 1; s <= 3; s++) h.append(status('p', s));
    for (let s = 1; s <= 2; s++) h.append(status('q', s));
    expect(h.size).toBe(5);
    h.append(status('q', 3));
    expect(h.after('p', 0)).toBeNull();
    expect(h.size).toBe(3);
    h.append(delta('q', 4));
    h.append(completed('q', 5));
    h.sweep(Date.now() + 2000);
    expect(h.size).toBe(4);
    h.close();
    expect(h.size).toBe(0);
  });

  it('drops the least recently published case past its case limit, and a case past its event limit', () => {
    const h = new CaseHistory({ maxCases: 2, maxEventsPerCase: 3 });
    h.append(status('x', 1));
    h.append(status('y', 1));
    h.append(status('x', 2));
    h.append(status('z', 1));
    expect(h.after('y', 0)).toBeNull();
    expect(h.after('x', 0)?.length).toBe(2);
    for (let s = 3; s <= 4; s++) h.append(status('x', s));
    expect(h.after('x', 0)).toBeNull();
  });
});

describe('coalesce', () => {
  it("joins consecutive deltas of one message into one with the last seq, and keeps other events' order", () => {
    const out = coalesce([
      delta('a', 1),
      delta('a', 2),
      delta('a', 3, 'm2'),
      status('a', 4),
      delta('a', 5),
      delta('a', 6),
    ]);
    expect(out.map((e) => [e.seq, e.type === 'TOKEN_DELTA' ? e.text : e.type])).toEqual([
      [2, 't1t2'],
      [3, 't3'],
      [4, 'STATUS_CHANGED'],
      [6, 't5t6'],
    ]);
  });

  it('passes a single event through untouched', () => {
    const one = [delta('a', 1)];
    expect(coalesce(one)).toBe(one);
  });
});
