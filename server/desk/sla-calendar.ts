/** Business-hours arithmetic in the desk's time zone (luxon): adding business time, measuring it. */
import { DateTime } from 'luxon';
import type { DayHours, WeeklyHours } from '../db/entities/index.js';
import { BadInputError } from '../errors.js';

/** The desk's business hours. */
export interface BusinessCalendar {
  timezone: string;
  weekly: WeeklyHours;
  holidays: string[];
}

/** Round the clock, every day, in UTC: the calendar until an admin sets one. */
export const ALWAYS_OPEN: BusinessCalendar = {
  timezone: 'UTC',
  weekly: Object.fromEntries(['1', '2', '3', '4', '5', '6', '7'].map((d) => [d, [['00:00', '24:00']]])) as WeeklyHours,
  holidays: [],
};

const MAX_DAYS = 3 * 366;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** Checks a calendar an admin sets: a real time zone, ordered intervals, ISO dates; at least one open hour. */
export function checkCalendar(cal: BusinessCalendar): BusinessCalendar {
  if (!DateTime.now().setZone(cal.timezone).isValid)
    throw new BadInputError(`${cal.timezone} is not a known time zone`, 'timezone');
  const weekly: WeeklyHours = {};
  let open = 0;
  for (const [day, hours] of Object.entries(cal.weekly)) {
    if (!/^[1-7]$/.test(day)) throw new BadInputError('weekdays are 1 (Monday) to 7 (Sunday)', 'weekly');
    const list = (hours ?? []) as DayHours;
    if (list.length > 6) throw new BadInputError('at most 6 intervals a day', 'weekly');
    let last = -1;
    for (const [from, to] of list) {
      if (!TIME.test(from) || !TIME.test(to)) throw new BadInputError('times are HH:MM, 00:00 to 24:00', 'weekly');
      if (minutesOf(from) >= minutesOf(to) || minutesOf(from) < last)
        throw new BadInputError('intervals must be ordered and not overlap', 'weekly');
      last = minutesOf(to);
      open += minutesOf(to) - minutesOf(from);
    }
    weekly[day as keyof WeeklyHours] = list;
  }
  if (!open) throw new BadInputError('business hours must be open at least once a week', 'weekly');
  for (const h of cal.holidays)
    if (!DateTime.fromISO(h, { zone: cal.timezone }).isValid || !/^\d{4}-\d{2}-\d{2}$/.test(h))
      throw new BadInputError(`holiday ${h} is not a yyyy-mm-dd date`, 'holidays');
  if (cal.holidays.length > 500) throw new BadInputError('at most 500 holidays', 'holidays');
  return { timezone: cal.timezone, weekly, holidays: [...new Set(cal.holidays)].sort() };
}

/** One day of a calendar: its open intervals (ms since the epoch) and where the next day starts. */
interface DayPlan {
  open: [number, number][];
  next: number;
}

/**
 * Days already worked out, per calendar (keyed by the object: a calendar is read once per SLA pass
 * and not changed), so a pass over many cases does the time-zone arithmetic of each day once.
 */
const plans = new WeakMap<BusinessCalendar, Map<number, DayPlan>>();
const MAX_CACHED_DAYS = 4000;

/** `day`: the day's first moment (midnight, or 01:00 where a clock change skips midnight). */
function dayPlan(day: DateTime, cal: BusinessCalendar, holidays: Set<string>): DayPlan {
  // The next day's first moment, not 24 hours on: a day a clock change skips midnight on starts at
  // 01:00, and the days after it start at midnight again.
  const next = day.plus({ days: 1 }).startOf('day');
  if (holidays.has(day.toISODate() ?? '')) return { open: [], next: next.toMillis() };
  const hours = cal.weekly[String(day.weekday) as keyof WeeklyHours] ?? [];
  const open = hours.map(([a, b]): [number, number] => [
    day.plus({ minutes: minutesOf(a) }).toMillis(),
    (b === '24:00' ? next : day.plus({ minutes: minutesOf(b) })).toMillis(),
  ]);
  return { open, next: next.toMillis() };
}

/** The open intervals of each day from `from`'s day on, in order (ms since the epoch). */
function* openIntervals(from: Date, cal: BusinessCalendar): Generator<[number, number]> {
  let days = plans.get(cal);
  if (!days) {
    days = new Map();
    plans.set(cal, days);
  }
  if (days.size > MAX_CACHED_DAYS) days.clear();
  const holidays = new Set(cal.holidays);
  let start = DateTime.fromJSDate(from, { zone: cal.timezone }).startOf('day').toMillis();
  for (let i = 0; i < MAX_DAYS; i++) {
    let plan = days.get(start);
    if (!plan) {
      plan = dayPlan(DateTime.fromMillis(start, { zone: cal.timezone }), cal, holidays);
      days.set(start, plan);
    }
    yield* plan.open;
    start = plan.next;
  }
}

/** The moment `ms` business milliseconds after `start`. */
export function addBusinessMs(start: Date, ms: number, cal: BusinessCalendar): Date {
  let left = Math.max(0, ms);
  const t0 = start.getTime();
  for (const [a, b] of openIntervals(start, cal)) {
    const from = Math.max(a, t0);
    if (b <= from) continue;
    if (left <= b - from) return new Date(from + left);
    left -= b - from;
  }
  throw new BadInputError('business hours leave no open time within three years', 'weekly');
}

/** Business milliseconds between two moments (0 when `to` is not after `from`). */
export function businessMsBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const t0 = from.getTime();
  const t1 = to.getTime();
  if (t1 <= t0) return 0;
  let sum = 0;
  for (const [a, b] of openIntervals(from, cal)) {
    if (a >= t1) break;
    const s = Math.max(a, t0);
    const e = Math.min(b, t1);
    if (e > s) sum += e - s;
  }
  return sum;
}
