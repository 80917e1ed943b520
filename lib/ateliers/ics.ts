// The iCalendar feed (RFC 5545) of sessions, written by ical-generator — the maintained
// JavaScript iCalendar writer (escaping, UID/DTSTAMP, formats) — with DTSTART/DTEND as wall times in each
// atelier's own zone (TZID) and that zone's VTIMEZONE (vtimezone.ts). A cancelled session stays
// in the feed with STATUS:CANCELLED, so subscribed calendars drop it instead of keeping it.
//
// Folding is done here: ical-generator folds the whole calendar's text at the end with one
// TextEncoder per character, which took 3.7 to 16 s for a network's 3,000 events (issue #19's
// target: 200 ms). Each event's own text comes unfolded, so the calendar is assembled from the
// generator's header, the VTIMEZONEs it would write and the events, folded once by `foldLines`
// below; the text is the very text the generator writes (ics.test.ts compares the two).
import ical, { ICalCalendarMethod, ICalEventStatus, type ICalCalendarData } from 'ical-generator';
import { floating } from './recurrence';
import type { SessionRow } from './search';
import { vtimezone } from './vtimezone';

type Options = { baseUrl: string; name: string; now: Date };

/** The calendar's own fields. No calendar-wide zone: DTSTAMP stays in UTC, as RFC 5545 requires. */
export function calendarData(options: Options): ICalCalendarData {
  return { name: options.name, prodId: { company: 'Repères', product: 'Ateliers', language: 'FR' }, method: ICalCalendarMethod.PUBLISH, ttl: 3600 };
}

/** The VTIMEZONE written for each zone: the span of the feed (40 days back, 200 ahead). */
export function zoneBlock(zone: string, now: Date): string {
  return vtimezone(zone, now.getTime() - 40 * 86_400_000, now.getTime() + 200 * 86_400_000);
}

/** UTF-8 length of one code point. */
const octets = (code: number) => (code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4);

/** RFC 5545 §3.1 folding, as ical-generator folds (a line's 75th octet starts a continuation line), without a TextEncoder per character. */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (Buffer.byteLength(line) <= 74) return line;
      let out = '';
      let count = 0;
      for (const char of line) {
        const n = octets(char.codePointAt(0)!);
        count += n;
        if (count > 74) {
          out += '\r\n ';
          count = n;
        }
        out += char;
      }
      return out;
    })
    .join('\r\n');
}

export function sessionsCalendar(sessions: SessionRow[], options: Options): string {
  const calendar = ical(calendarData(options));
  const zones = new Set<string>();
  for (const s of sessions) {
    const url = `${options.baseUrl}/ateliers/${s.slug}`;
    zones.add(s.time_zone);
    calendar.createEvent({
      id: `${s.session_id}@reperes`,
      // With a TZID, ical-generator writes a native Date's UTC fields as the local time.
      start: floating(s.starts_at, s.time_zone),
      end: floating(s.ends_at, s.time_zone),
      timezone: s.time_zone,
      stamp: options.now,
      summary: s.cancelled ? `Annulé : ${s.title}` : s.title,
      description: `${s.summary}\n\n${url}`,
      location: s.online ? 'En ligne' : `${s.place_name}${s.stop_label ? ` (${s.stop_label})` : ''}, ${s.commune}`,
      url,
      status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // The calendar without its events (small: the generator's folding is cheap there), with the
  // zones where the generator writes them (before its refresh interval) and the events before END.
  const shell = ical(calendarData(options)).toString();
  const ttl = shell.indexOf('REFRESH-INTERVAL');
  const end = shell.lastIndexOf('END:VCALENDAR');
  const timezones = [...zones].map((z) => `${zoneBlock(z, options.now)}\r\n`).join('');
  const events = calendar
    .events()
    .map((e) => e.toString())
    .join('');
  return shell.slice(0, ttl) + foldLines(timezones) + shell.slice(ttl, end) + foldLines(events) + shell.slice(end);
}
