// The iCalendar feed (RFC 5545) of sessions, written by ical-generator — the maintained
// JavaScript iCalendar writer (folding, escaping, UID/DTSTAMP) — with DTSTART/DTEND as wall times in each
// atelier's own zone (TZID) and that zone's VTIMEZONE (vtimezone.ts). A cancelled session stays
// in the feed with STATUS:CANCELLED, so subscribed calendars drop it instead of keeping it.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { floating } from './recurrence';
import type { SessionRow } from './search';
import { vtimezone } from './vtimezone';

export function sessionsCalendar(sessions: SessionRow[], options: { baseUrl: string; name: string; now: Date }): string {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Repères', product: 'Ateliers', language: 'FR' },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone (DTSTAMP stays in UTC, as RFC 5545 requires); the generator still
    // writes the VTIMEZONE of every zone the events use.
    timezone: { name: '', generator: (zone) => vtimezone(zone, options.now.getTime() - 40 * 86_400_000, options.now.getTime() + 200 * 86_400_000) },
    ttl: 3600,
  });
  for (const s of sessions) {
    const url = `${options.baseUrl}/ateliers/${s.slug}`;
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
  return calendar.toString();
}
