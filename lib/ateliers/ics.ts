// The iCalendar feed (RFC 5545) of sessions: DTSTART/DTEND as wall times in each atelier's own
// zone (TZID) with that zone's VTIMEZONE (vtimezone.ts). A cancelled session stays in the feed
// with STATUS:CANCELLED, so subscribed calendars drop it instead of keeping it.
//
// Written by hand, not by ical-generator: a network's feed holds 3,000 events and must be ready
// in well under 200 ms (issue #19), and the generator built an object per event, formatted each
// date through its helpers and folded each line a character at a time (~150 ms of CPU and half of
// it garbage collection for 3,000 events, measured on a CPU profile; this file takes 12–15 ms,
// writing each atelier's own lines once). The feed needs ten properties of one component; what a
// writer must get right is here and tested (ics.test.ts, ics-write.test.ts): TEXT escaping of \ ; , and line breaks (§3.3.11), no other control
// character, lines folded at 75 octets without cutting a UTF-8 character (§3.1), CRLF line ends.
// The text is the very text ical-generator writes for the same calendar (the test compares
// them), plus what it gets wrong: the calendar's name escaped (it wrote `NAME:` raw, so a line
// break in a typed « ou » could add properties) and the last line ended by CRLF.
import { hash } from 'node:crypto';
import { wallTimeIn } from '@/lib/hours/zone';
import type { FeedSession } from './search';
import { offsetMinutes, transitions, vtimezone } from './vtimezone';

type Options = { baseUrl: string; name: string; now: Date };

const DAY = 86_400_000;

/** The span of the feed's VTIMEZONEs: 40 days back and 200 ahead of the start of `now`'s UTC day (sessions come from `now` to 183 days ahead). */
function span(now: Date): { from: number; to: number } {
  const day = now.getTime() - (now.getTime() % DAY);
  return { from: day - 40 * DAY, to: day + 200 * DAY };
}

/** The VTIMEZONE written for each zone, over the feed's span. */
export function zoneBlock(zone: string, now: Date): string {
  const { from, to } = span(now);
  return vtimezone(zone, from, to);
}

/** A zone over the feed's span: its VTIMEZONE, folded, and its offsets (the same that block defines) to write wall times. */
type Zone = { block: string; from: number; to: number; start: number; changes: Array<{ at: number; after: number }> };

// The same zone and day give the same block; a day's feeds share it (a handful of zones at most).
const zones = new Map<string, Zone>();
function zoneOf(zone: string, now: Date): Zone {
  const key = `${zone} ${Math.floor(now.getTime() / DAY)}`;
  let found = zones.get(key);
  if (found === undefined) {
    if (zones.size > 200) zones.clear();
    const { from, to } = span(now);
    found = { block: foldLines(zoneBlock(zone, now)), from, to, start: offsetMinutes(zone, from), changes: transitions(zone, from, to) };
    zones.set(key, found);
  }
  return found;
}

// Control characters other than HTAB are not allowed in a TEXT value (§3.3.11); line breaks are written \n.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;
const SPECIAL = /[\\;,\r\n\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** A TEXT value (RFC 5545 §3.3.11): \ ; , escaped, any line break as \n, other control characters dropped. */
export function escapeText(value: string): string {
  if (!SPECIAL.test(value)) return value;
  return value
    .replace(CONTROL, '')
    .replace(/[\\;,]/g, '\\$&')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/**
 * One content line folded as RFC 5545 §3.1 asks and as ical-generator folds: at most 74 octets
 * of UTF-8 on the first line and after the space that starts each continuation line, never
 * inside a character (a surrogate pair is one 4-octet character).
 */
export function foldLine(line: string): string {
  // A UTF-16 unit is at most 3 octets: 24 units always fit.
  if (line.length <= 24) return line;
  let out = '';
  let start = 0;
  let count = 0;
  for (let i = 0; i < line.length; i++) {
    const code = line.charCodeAt(i);
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < line.length;
    const n = code < 0x80 ? 1 : code < 0x800 ? 2 : pair ? 4 : 3;
    count += n;
    if (count > 74) {
      out += `${line.slice(start, i)}\r\n `;
      start = i;
      count = n;
    }
    if (pair) i++;
  }
  return start === 0 ? line : out + line.slice(start);
}

/** Every line of a CRLF-separated text folded (foldLine). */
export function foldLines(text: string): string {
  return text.split('\r\n').map(foldLine).join('\r\n');
}

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
// One Date reused: a feed writes 6,000 wall times, and Next.js wraps the Date constructor.
const scratch = new Date(0);

/**
 * The wall time of `instant` in `zone` as a DATE-TIME value without a zone suffix (read with the
 * TZID): the offset comes from the zone's changes over the feed's span (those its VTIMEZONE
 * writes), so the two always agree; outside that span, from lib/hours/zone.ts.
 */
function localDateTime(instant: Date, zone: Zone, name: string): string {
  const at = instant.getTime();
  let offset = zone.start;
  if (at >= zone.from && at < zone.to) {
    for (const change of zone.changes) if (at >= change.at) offset = change.after;
  } else {
    const w = wallTimeIn(name, instant);
    return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
  }
  scratch.setTime(at + offset * 60_000);
  return `${scratch.getUTCFullYear()}${pad(scratch.getUTCMonth() + 1)}${pad(scratch.getUTCDate())}T${pad(scratch.getUTCHours())}${pad(scratch.getUTCMinutes())}${pad(scratch.getUTCSeconds())}`;
}

/** A UTC DATE-TIME value (DTSTAMP). */
function utcDateTime(instant: Date): string {
  return instant
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}

// A TZID parameter is written bare when it may be (IANA names always may); otherwise quoted.
const BARE_PARAM = /^[A-Za-z0-9_/+-]+$/;
const tzidParam = (zone: string) => (BARE_PARAM.test(zone) ? zone : `"${zone.replace(/["\r\n]/g, '')}"`);

/**
 * The lines of an event that depend on its atelier only (title, place, text, link), from SUMMARY
 * to END:VEVENT. An atelier's sessions come many times in a feed (a network's 3,000 events are
 * about 400 ateliers): they are escaped and folded once per atelier and state (cancelled or not).
 */
function atelierLines(s: FeedSession, baseUrl: string): string {
  const url = `${baseUrl}/ateliers/${s.slug}`;
  const summary = s.cancelled ? `Annulé : ${s.title}` : s.title;
  const location = s.online ? 'En ligne' : `${s.place_name}${s.stop_label ? ` (${s.stop_label})` : ''}, ${s.commune}`;
  return (
    `${foldLine(`SUMMARY:${escapeText(summary)}`)}\r\n${foldLine(`LOCATION:${escapeText(location)}`)}\r\n` +
    `${foldLine(`DESCRIPTION:${escapeText(`${s.summary}\n\n${url}`)}`)}\r\n${foldLine(`URL;VALUE=URI:${url}`)}\r\n` +
    `STATUS:${s.cancelled ? 'CANCELLED' : 'CONFIRMED'}\r\nEND:VEVENT\r\n`
  );
}

const sameAtelierLines = (a: FeedSession, b: FeedSession) =>
  a.title === b.title &&
  a.summary === b.summary &&
  a.online === b.online &&
  a.place_name === b.place_name &&
  a.stop_label === b.stop_label &&
  a.commune === b.commune;

/** An event's own lines, from BEGIN:VEVENT to DTEND, without DTSTAMP (written between UID and DTSTART). */
function eventHead(s: FeedSession, zone: Zone): [string, string] {
  const tzid = tzidParam(s.time_zone);
  return [
    `BEGIN:VEVENT\r\nUID:${foldLine(`${escapeText(s.session_id)}@reperes`)}\r\nSEQUENCE:0\r\n`,
    `DTSTART;TZID=${foldLine(`${tzid}:${localDateTime(s.starts_at, zone, s.time_zone)}`)}\r\n` +
      `DTEND;TZID=${foldLine(`${tzid}:${localDateTime(s.ends_at, zone, s.time_zone)}`)}\r\n`,
  ];
}

/**
 * The calendar of `sessions`, in their order (one VEVENT each, one VTIMEZONE per zone used), and
 * its version: a hash of everything written but DTSTAMP (the time of writing), so that the same
 * sessions written again later have the same version (the feed's ETag). What is hashed is what the
 * text is made of: each event's own lines and the index of its atelier's lines, each atelier's
 * lines once — a fifth of the text.
 */
export function writeCalendar(sessions: FeedSession[], options: Options): { text: string; version: string } {
  const stamp = `DTSTAMP:${utcDateTime(options.now)}\r\n`;
  const name = escapeText(options.name);
  const head = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Repères//Ateliers//FR\r\nMETHOD:PUBLISH\r\n${foldLine(`NAME:${name}`)}\r\n${foldLine(`X-WR-CALNAME:${name}`)}\r\n`;
  const used = new Map<string, Zone>();
  for (const s of sessions) if (!used.has(s.time_zone)) used.set(s.time_zone, zoneOf(s.time_zone, options.now));
  // No calendar-wide zone: DTSTAMP stays in UTC, as RFC 5545 requires. Calendars refresh hourly.
  const parts = [head, ...[...used.values()].map((z) => `${z.block}\r\n`), 'REFRESH-INTERVAL;VALUE=DURATION:PT1H\r\nX-PUBLISHED-TTL:PT1H\r\n'];
  const versioned = [...parts];
  // By atelier and state; the lines are reused only when every field they read is the same.
  const tails = new Map<string, { s: FeedSession; lines: string; index: number }>();
  for (const s of sessions) {
    const key = s.cancelled ? `${s.slug} x` : s.slug;
    let tail = tails.get(key);
    if (!tail || !sameAtelierLines(tail.s, s)) {
      tail = { s, lines: atelierLines(s, options.baseUrl), index: versioned.length };
      tails.set(key, tail);
      versioned.push(tail.lines);
    }
    const [uid, times] = eventHead(s, used.get(s.time_zone)!);
    parts.push(uid, stamp, times, tail.lines);
    versioned.push(`${uid}${times}${tail.index}\n`);
  }
  parts.push('END:VCALENDAR\r\n');
  return { text: parts.join(''), version: hash('sha1', versioned.join(''), 'base64url') };
}

/** The calendar's text (writeCalendar). */
export function sessionsCalendar(sessions: FeedSession[], options: Options): string {
  return writeCalendar(sessions, options).text;
}
