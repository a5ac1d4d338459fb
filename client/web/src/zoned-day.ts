/** Calendar days in a time zone (the desk's business zone, which reports count days in), with Intl only. */

const DAY_MS = 86_400_000;

/** How far the zone's wall clock is ahead of UTC at `at` (ms). */
function offsetMs(at: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(at);
  const n = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return wall - Math.floor(at / 1000) * 1000;
}

/** The moment a day (yyyy-mm-dd) starts in the zone (ms since the epoch). */
export function zonedMidnight(day: string, timeZone: string): number {
  const wall = Date.parse(`${day}T00:00:00Z`);
  // Twice: the offset at the first guess may differ from the one at midnight (a daylight-saving change).
  const guess = wall - offsetMs(wall, timeZone);
  return wall - offsetMs(guess, timeZone);
}

/** The day (yyyy-mm-dd) after another. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The day (yyyy-mm-dd) it is at `at` in the zone. */
export function zonedDay(at: number, timeZone: string): string {
  return new Date(at + offsetMs(at, timeZone)).toISOString().slice(0, 10);
}

/** Every day from `from` to `to`, both included (at most `max`). */
export function daysFrom(from: string, to: string, max = 400): string[] {
  const out: string[] = [];
  for (let d = from; d <= to && out.length < max; d = nextDay(d)) out.push(d);
  return out;
}
