// Reading an existing iCalendar feed (RFC 5545) into ateliers, before anything is written.
//
// The parser is ical.js (Mozilla's, the one Thunderbird uses; already the tests' reference for our
// own feed): it reads folded lines, escapes, parameters and RRULE/EXDATE values. Wall times are
// turned into instants by lib/hours/zone.ts in the event's IANA zone (TZID), or the place's zone
// for floating times, so a weekly 14:00 stays at 14:00 across a daylight-saving change and in
// Cayenne or Saint-Denis de La Réunion; the repetition itself is kept as an RRULE and expanded by
// recurrence.ts like a series typed in the back-office.
//
// File-level problems (too big, too many events, a broken line, not a calendar) refuse the whole
// file; an event that cannot become an atelier (no UID, end before start, all-day, rule too long)
// is refused alone, named in the report, and the others go on.
import ICAL from 'ical.js';
import { horizon } from './recurrence';
import { readEvent, type FeedEvent } from './ical-event';

export type { FeedEvent };

/** At most this many bytes per feed (a year of a busy place's ateliers is a few hundred kB). */
export const ICS_MAX_BYTES = 5 * 1024 * 1024;
/** At most this many events per feed: beyond, the whole file is refused (export only this place's coming ateliers). */
export const ICS_MAX_EVENTS = 1000;

export type FeedRefusal = { uid: string | null; title: string | null; message: string };
export type ReadFeed =
  { ok: false; error: string } | { ok: true; events: FeedEvent[]; refused: FeedRefusal[]; past: string[]; warnings: string[]; calendarName: string | null };

const number = (n: number) => n.toLocaleString('fr-FR');

/** The unfolded content lines with their first physical line number (RFC 5545 §3.1). */
export function contentLines(text: string): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    if ((raw.startsWith(' ') || raw.startsWith('\t')) && out.length) out[out.length - 1].text += raw.slice(1);
    else if (raw.trim() !== '') out.push({ line: index + 1, text: raw });
  });
  return out;
}

// NAME *(";" param) ":" value — a parameter value may be quoted and hold ":" or ";".
const CONTENT_LINE = /^[A-Za-z0-9-]+(;[A-Za-z0-9-]+=("[^"]*"|[^";:,]*)(,("[^"]*"|[^";:,]*))*)*:/;

/** File-level checks: size, a calendar, the number of events, each line's shape. Null when fine. */
export function fileProblem(bytes: Uint8Array): string | null {
  if (bytes.byteLength === 0) return 'Le fichier est vide.';
  if (bytes.byteLength > ICS_MAX_BYTES)
    return `Le fichier pèse ${number(Math.ceil(bytes.byteLength / 1024))} ko : au plus ${number(ICS_MAX_BYTES / 1024 / 1024)} Mo par import. Exportez seulement les ateliers à venir de ce lieu.`;
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  const lines = contentLines(text);
  if (!/^BEGIN:VCALENDAR$/i.test(lines[0]?.text.trim() ?? ''))
    return 'Ce fichier n’est pas un calendrier iCalendar (.ics) : sa première ligne devrait être « BEGIN:VCALENDAR ».';
  const events = lines.filter((l) => /^BEGIN:VEVENT\s*$/i.test(l.text)).length;
  if (events > ICS_MAX_EVENTS)
    return `Le calendrier contient ${number(events)} évènements : au plus ${number(ICS_MAX_EVENTS)} par import. Rien n’a été importé. Exportez seulement les ateliers à venir de ce lieu, ou découpez le fichier.`;
  const broken = lines.filter((l) => !CONTENT_LINE.test(l.text));
  if (broken.length) {
    const shown = broken
      .slice(0, 3)
      .map((l) => `ligne ${l.line} : « ${l.text.slice(0, 60)} »`)
      .join(' ; ');
    return `Le calendrier a ${broken.length > 1 ? `${number(broken.length)} lignes illisibles` : 'une ligne illisible'} (${shown}${broken.length > 3 ? ' ; …' : ''}). Rien n’a été importé : chaque ligne doit avoir la forme NOM:valeur ; exportez de nouveau le calendrier ou corrigez ces lignes.`;
  }
  if (!/^END:VCALENDAR$/i.test(lines[lines.length - 1].text.trim()))
    return 'Le calendrier est incomplet (il ne finit pas par « END:VCALENDAR ») : rien n’a été importé.';
  return null;
}

/** Reads the feed for a place whose zone is `placeZone`, as seen at `now`. */
export function readFeed(bytes: Uint8Array, placeZone: string, now: Date): ReadFeed {
  const problem = fileProblem(bytes);
  if (problem) return { ok: false, error: problem };
  const text = new TextDecoder('utf-8').decode(bytes).replace(/^\uFEFF/, '');
  let calendar: ICAL.Component;
  try {
    calendar = new ICAL.Component(ICAL.parse(text) as unknown[]);
  } catch (error) {
    return { ok: false, error: `Le calendrier est illisible (${(error as Error).message.slice(0, 120)}) : rien n’a été importé.` };
  }
  if (calendar.name !== 'vcalendar') return { ok: false, error: 'Ce fichier n’est pas un calendrier iCalendar (VCALENDAR) : rien n’a été importé.' };
  const events: FeedEvent[] = [];
  const refused: FeedRefusal[] = [];
  const past: string[] = [];
  const warnings = new Set<string>();
  const until = horizon(now);
  for (const component of calendar.getAllSubcomponents('vevent')) {
    const read = readEvent(component, placeZone, now, until);
    if ('message' in read) refused.push(read);
    else if (read.past) past.push(read.event.uid);
    else events.push(read.event);
    if (!('message' in read)) for (const w of read.warnings) warnings.add(w);
  }
  // A moved or cancelled occurrence (RECURRENCE-ID) leaves its series: the original start becomes an exception.
  const byUid = new Map(events.filter((e) => !e.recurrenceId).map((e) => [e.uid, e]));
  for (const e of events) if (e.recurrenceId && byUid.has(e.uid.split('#')[0])) byUid.get(e.uid.split('#')[0])!.exdates.push(e.recurrenceId);
  const seen = new Set<string>();
  const unique = events.filter((e) => {
    if (seen.has(e.uid)) {
      refused.push({
        uid: e.uid,
        title: e.title,
        message: `L’identifiant (UID) « ${e.uid.slice(0, 80)} » est donné à deux évènements : seul le premier est importé.`,
      });
      return false;
    }
    seen.add(e.uid);
    // A cancelled occurrence of a series in this feed is only an exception of the series.
    return !(e.recurrenceId && e.cancelled && byUid.has(e.uid.split('#')[0]));
  });
  const name = calendar.getFirstPropertyValue('x-wr-calname');
  return { ok: true, events: unique, refused, past, warnings: [...warnings], calendarName: typeof name === 'string' ? name : null };
}
