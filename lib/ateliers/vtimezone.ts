// VTIMEZONE components (RFC 5545 §3.6.5) computed from the runtime's time-zone data (Intl), for
// the zones a calendar uses: each offset change within the span is written out as its own
// STANDARD or DAYLIGHT observance (no RRULE), so the definition is exact for the dates the feed
// holds, mainland and overseas alike. ical-generator calls this for every zone of its events.
import { wallTimeIn } from '@/lib/hours/zone';

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(timeZone: string, at: number): number {
  const w = wallTimeIn(timeZone, new Date(at));
  return Math.round((Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000) / 60_000);
}

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
}

/** Local wall time of an instant as a DATE-TIME value (no zone suffix), read with `offset`. */
function localStamp(at: number, offset: number): string {
  return new Date(at + offset * 60_000)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, '');
}

/** The instants where the zone's offset changes in [from, to), to the minute. */
export function transitions(timeZone: string, from: number, to: number): Array<{ at: number; before: number; after: number }> {
  const found: Array<{ at: number; before: number; after: number }> = [];
  const step = 86_400_000;
  let previous = offsetMinutes(timeZone, from);
  for (let t = from + step; t < to + step; t += step) {
    const current = offsetMinutes(timeZone, t);
    if (current === previous) continue;
    let lo = t - step;
    let hi = t;
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000;
      if (offsetMinutes(timeZone, mid) === previous) lo = mid;
      else hi = mid;
    }
    found.push({ at: hi, before: previous, after: current });
    previous = current;
  }
  return found;
}

/** The VTIMEZONE of `timeZone` valid from `from` to `to` (defaults: a year back, two years ahead). */
export function vtimezone(timeZone: string, from = Date.now() - 366 * 86_400_000, to = Date.now() + 2 * 366 * 86_400_000): string {
  const changes = transitions(timeZone, from, to);
  const start = offsetMinutes(timeZone, from);
  const standard = Math.min(start, ...changes.map((c) => c.after));
  const block = (kind: 'STANDARD' | 'DAYLIGHT', at: number, before: number, after: number) => [
    `BEGIN:${kind}`,
    `DTSTART:${localStamp(at, before)}`,
    `TZOFFSETFROM:${offsetText(before)}`,
    `TZOFFSETTO:${offsetText(after)}`,
    `END:${kind}`,
  ];
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`, ...block(start > standard ? 'DAYLIGHT' : 'STANDARD', from - (from % 86_400_000), start, start)];
  for (const c of changes) lines.push(...block(c.after > standard ? 'DAYLIGHT' : 'STANDARD', c.at, c.before, c.after));
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}
