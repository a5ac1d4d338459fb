/**
 * The workspace's pure parts, without a browser: the inbox filters and the search they become (and
 * back from a saved view), and where a case's SLA clock stands.
 */
import { describe, expect, it } from 'vitest';
import { fromSearch, NO_FILTERS, toSearch } from '../../client/web/src/inbox-filters.js';
import { shortDuration, slaView } from '../../client/web/src/sla.js';

describe('inbox filters', () => {
  it('asks for nothing when no filter is set', () => {
    expect(toSearch(NO_FILTERS)).toEqual({});
  });

  it('turns each filter into its search field, and a saved view back into the filters', () => {
    const f = {
      text: '  hub restarts ',
      status: 'ESCALATED',
      route: 'TECHNICAL',
      priority: 'URGENT',
      emergency: 'yes',
      label: 'vip',
      assignee: 'sam',
      team: 'TECHNICAL',
      sla: 'WARNING',
    } as const;
    const search = toSearch(f);
    expect(search).toEqual({
      text: 'hub restarts',
      status: ['ESCALATED'],
      route: ['TECHNICAL'],
      priority: ['URGENT'],
      emergency: true,
      label: 'vip',
      assignee: 'sam',
      team: 'TECHNICAL',
      slaState: ['WARNING'],
    });
    expect(fromSearch(search)).toEqual({ ...f, text: 'hub restarts' });
  });

  it('maps Emergency = No to false and "nobody" to unassigned', () => {
    expect(toSearch({ ...NO_FILTERS, emergency: 'no', assignee: 'none' })).toEqual({
      emergency: false,
      unassigned: true,
    });
    expect(fromSearch({ emergency: false, unassigned: true })).toMatchObject({ emergency: 'no', assignee: 'none' });
  });

  it('drops what a saved view holds that the bar cannot show', () => {
    expect(fromSearch({ status: ['BOGUS'], team: 7, priority: 'LOW', customerId: 'x', slaState: ['LATE'] })).toEqual({
      ...NO_FILTERS,
      priority: 'LOW',
    });
    expect(fromSearch(null)).toEqual(NO_FILTERS);
  });
});

describe('slaView', () => {
  const now = Date.parse('2026-12-02T10:00:00Z');
  const clock = {
    firstResponseDueAt: '2026-12-02T10:30:00Z',
    resolutionDueAt: '2026-12-02T18:00:00Z',
    firstResponseWarnAt: '2026-12-02T10:20:00Z',
    resolutionWarnAt: '2026-12-02T16:00:00Z',
    firstResponseWarned: false,
    firstResponseBreached: false,
    resolutionWarned: false,
    resolutionBreached: false,
    paused: false,
    stoppedAt: null,
  };

  it('counts down to the first response until there is one, then to the resolution', () => {
    expect(slaView(clock, null, now)).toMatchObject({ state: 'ok', target: 'first response', text: 'FR 30m' });
    expect(slaView(clock, '2026-12-02T09:50:00Z', now)).toMatchObject({
      state: 'ok',
      target: 'resolution',
      text: 'Res 8h 0m',
    });
  });

  it('says warned, breached (also once past due before the scheduler noticed), paused and met', () => {
    expect(slaView({ ...clock, firstResponseWarned: true }, null, now).state).toBe('warned');
    // Past the warning time before the scheduler noticed (as the search by SLA state counts it).
    expect(slaView(clock, null, Date.parse('2026-12-02T10:20:00Z')).state).toBe('warned');
    expect(slaView(clock, '2026-12-02T09:50:00Z', Date.parse('2026-12-02T10:20:00Z')).state).toBe('ok');
    expect(slaView({ ...clock, firstResponseBreached: true }, null, now).state).toBe('breached');
    expect(slaView(clock, null, Date.parse('2026-12-02T10:31:00Z'))).toMatchObject({
      state: 'breached',
      text: 'FR -1m',
    });
    expect(slaView({ ...clock, paused: true }, null, now).state).toBe('paused');
    expect(slaView({ ...clock, stoppedAt: '2026-12-02T09:59:00Z' }, null, now).state).toBe('met');
    expect(slaView({ ...clock, stoppedAt: '2026-12-02T09:59:00Z', resolutionBreached: true }, null, now).state).toBe(
      'breached',
    );
    expect(slaView(null, null, now).state).toBe('none');
  });

  it('writes durations short', () => {
    expect([shortDuration(59_000), shortDuration(3_600_000 * 3 + 300_000), shortDuration(86_400_000 * 3)]).toEqual([
      '0m',
      '3h 5m',
      '3d',
    ]);
  });
});
