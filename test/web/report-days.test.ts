/** The reports page's days: calendar days of the desk's business time zone, without a browser. */
import { describe, expect, it } from 'vitest';
import { daysFrom, zonedDay, zonedMidnight } from '../../client/web/src/zoned-day.js';

describe('zoned days', () => {
  it('starts a day at midnight in the zone, across a daylight-saving change', () => {
    expect(new Date(zonedMidnight('2026-11-03', 'America/New_York')).toISOString()).toBe('2026-11-03T05:00:00.000Z');
    // 1 November 2026: New York goes back from EDT (UTC-4) to EST at 02:00.
    expect(new Date(zonedMidnight('2026-11-01', 'America/New_York')).toISOString()).toBe('2026-11-01T04:00:00.000Z');
    expect(new Date(zonedMidnight('2026-11-02', 'America/New_York')).toISOString()).toBe('2026-11-02T05:00:00.000Z');
    expect(new Date(zonedMidnight('2026-07-01', 'Asia/Kolkata')).toISOString()).toBe('2026-06-30T18:30:00.000Z');
    expect(new Date(zonedMidnight('2026-07-01', 'UTC')).toISOString()).toBe('2026-07-01T00:00:00.000Z');
  });

  it('names the day of a moment in the zone, and lists the days of a range', () => {
    expect(zonedDay(Date.parse('2026-11-03T04:30:00Z'), 'America/New_York')).toBe('2026-11-02');
    expect(zonedDay(Date.parse('2026-11-03T05:30:00Z'), 'America/New_York')).toBe('2026-11-03');
    expect(daysFrom('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
    expect(daysFrom('2026-01-02', '2026-01-01')).toEqual([]);
  });
});
