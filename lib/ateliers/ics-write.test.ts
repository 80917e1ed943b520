// The hand-written iCalendar writer (ics.ts) read back by ical.js: what a writer must get right —
// TEXT escaping, control characters, folding of long and multibyte lines, CRLF — and a hostile
// calendar name that tries to add its own lines.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { instantAt, wallTimeIn } from '@/lib/hours/zone';
import { escapeText, foldLine, sessionsCalendar, writeCalendar } from './ics';
import type { FeedSession } from './search';

const now = new Date('2027-03-01T10:00:00Z');
const octets = (line: string) => new TextEncoder().encode(line).length;

const session = (id: string, extra: Partial<FeedSession> = {}): FeedSession => {
  const startsAt = instantAt('Europe/Paris', 2027, 3, 23, 14, 0);
  return {
    session_id: id,
    starts_at: startsAt,
    ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
    cancelled: false,
    slug: 'atelier',
    title: 'Atelier',
    summary: 'Résumé',
    online: false,
    time_zone: 'Europe/Paris',
    place_name: 'Espace des Tilleuls',
    commune: 'Cholet',
    stop_label: null,
    ...extra,
  };
};

function parsed(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  return { root, events: root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v)) };
}

describe('the iCalendar writer', () => {
  it('escapes \\ ; , and every kind of line break, and ical.js reads the text back as written', () => {
    const title = 'Word, Excel; et \\ les "guillemets" : tout';
    const summary = 'Ligne 1\nLigne 2\r\nLigne 3\rFin; ok, \\n littéral';
    const text = sessionsCalendar([session('a', { title, summary, place_name: 'Salle A, B; C' })], { baseUrl: 'https://reperes.test', name: 'Ateliers', now });
    expect(text).toContain('SUMMARY:Word\\, Excel\\; et \\\\ les "guillemets" : tout\r\n');
    const [event] = parsed(text).events;
    expect(event.summary).toBe(title);
    expect(event.description).toBe('Ligne 1\nLigne 2\nLigne 3\nFin; ok, \\n littéral\n\nhttps://reperes.test/ateliers/atelier');
    expect(event.location).toBe('Salle A, B; C, Cholet');
  });

  it('drops control characters a TEXT value may not hold, and keeps tabs', () => {
    expect(escapeText('a\u0000b\u0007c\u001bd\u007fe\tf')).toBe('abcde\tf');
    const text = sessionsCalendar([session('a', { title: 'Bell\u0007 et\u0000 nul\ttab' })], { baseUrl: 'https://reperes.test', name: 'Ateliers', now });
    expect(parsed(text).events[0].summary).toBe('Bell et nul\ttab');
  });

  it('keeps a hostile calendar name (a typed « ou ») on its own line: no property or event added', () => {
    const name = 'Ateliers — Cholet\r\nEND:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:pirate\r\nSUMMARY:Faux\r\nEND:VEVENT\nX-EVIL:1; — Repères';
    const text = sessionsCalendar([session('a')], { baseUrl: 'https://reperes.test', name, now });
    const { root, events } = parsed(text);
    expect(events.map((e) => e.uid)).toEqual(['a@reperes']);
    // ical.js leaves X- values as written (escaped): one property, on one line.
    expect(root.getAllProperties('x-wr-calname').map((p) => p.getFirstValue())).toEqual([escapeText(name)]);
    expect(escapeText(name)).toBe('Ateliers — Cholet\\nEND:VCALENDAR\\nBEGIN:VEVENT\\nUID:pirate\\nSUMMARY:Faux\\nEND:VEVENT\\nX-EVIL:1\\; — Repères');
    expect(root.getFirstProperty('x-evil')).toBeNull();
    expect(text.match(/^BEGIN:|^END:/gm)).toEqual(['BEGIN:', 'BEGIN:', 'BEGIN:', 'END:', 'BEGIN:', 'END:', 'END:', 'BEGIN:', 'END:', 'END:']);
  });

  it('folds long lines of multibyte text at 75 octets, never inside a character, and ical.js unfolds them', () => {
    // é is 2 octets, € 3, 🙂 4 (a surrogate pair): each placed to straddle a fold somewhere.
    const summary = ['é'.repeat(101), '€'.repeat(77), '🙂'.repeat(53), 'x'.repeat(73) + '🙂' + 'y'.repeat(300), 'a€'.repeat(60)].join(' ');
    const title = `${'Très long titre '.repeat(12)}🙂`;
    const text = sessionsCalendar([session('a', { summary, title, slug: 'un-slug-tres-long-'.repeat(5) })], {
      baseUrl: 'https://reperes.test',
      name: 'Ateliers',
      now,
    });
    const lines = text.split('\r\n');
    expect(lines.every((line) => octets(line) <= 75)).toBe(true);
    expect(lines.filter((line) => line.startsWith(' ')).length).toBeGreaterThan(10);
    expect(text).not.toContain('\uFFFD');
    // Each folded piece is whole UTF-8 on its own: no lone surrogate at either end.
    expect(lines.every((line) => !/[\uD800-\uDBFF]$|^ ?[\uDC00-\uDFFF]/.test(line))).toBe(true);
    const [event] = parsed(text).events;
    expect(event.summary).toBe(title);
    expect(event.description).toBe(`${summary}\n\nhttps://reperes.test/ateliers/${'un-slug-tres-long-'.repeat(5)}`);
    expect(event.component.getFirstPropertyValue('url')).toBe(`https://reperes.test/ateliers/${'un-slug-tres-long-'.repeat(5)}`);
  });

  it('folds at exactly 74 octets a line, as ical-generator does, and leaves short lines alone', () => {
    expect(foldLine('x'.repeat(74))).toBe('x'.repeat(74));
    expect(foldLine('x'.repeat(75))).toBe(`${'x'.repeat(74)}\r\n x`);
    expect(foldLine(`${'x'.repeat(73)}é`)).toBe(`${'x'.repeat(73)}\r\n é`);
    expect(foldLine(`${'x'.repeat(71)}🙂z`)).toBe(`${'x'.repeat(71)}\r\n 🙂z`);
    expect(foldLine(`${'x'.repeat(70)}🙂z`)).toBe(`${'x'.repeat(70)}🙂\r\n z`);
    expect(foldLine('é'.repeat(24))).toBe('é'.repeat(24));
  });

  it('ends every line, the last one included, with CRLF, and writes no bare LF', () => {
    const text = sessionsCalendar([session('a', { summary: 'a\nb' })], { baseUrl: 'https://reperes.test', name: 'Ateliers', now });
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('writes an empty calendar that still parses', () => {
    const { root, events } = parsed(sessionsCalendar([], { baseUrl: 'https://reperes.test', name: 'Ateliers', now }));
    expect(events).toEqual([]);
    expect(root.getAllSubcomponents('vtimezone')).toEqual([]);
    expect(root.getFirstPropertyValue('prodid')).toBe('-//Repères//Ateliers//FR');
  });

  it('writes each wall time as lib/hours/zone.ts reads it, and ical.js gives back the instant, in every kind of zone', () => {
    const zones = ['Europe/Paris', 'America/Miquelon', 'Pacific/Noumea', 'America/Cayenne', 'Indian/Reunion', 'Pacific/Tahiti'];
    let seed = 7;
    const next = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const sessions = Array.from({ length: 300 }, (_, i) => {
      const zone = zones[i % zones.length];
      // Minutes within the feed's span, some right on Paris's and Miquelon's changes of 2027.
      const near = [Date.UTC(2027, 2, 28, 1), Date.UTC(2027, 2, 14, 5), Date.UTC(2027, 9, 31, 1), Date.UTC(2027, 10, 7, 4)][i % 4];
      const at = i % 3 === 0 ? near + (Math.floor(next() * 240) - 120) * 60_000 : now.getTime() + Math.floor(next() * 180 * 24 * 60) * 60_000;
      return session(`s${i}`, { starts_at: new Date(at), ends_at: new Date(at + 90 * 60_000), time_zone: zone, slug: `a${i % 7}` });
    });
    const text = sessionsCalendar(sessions, { baseUrl: 'https://reperes.test', name: 'Ateliers', now });
    const { root, events } = parsed(text);
    for (const z of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const pad = (n: number) => String(n).padStart(2, '0');
    const wall = (d: Date, zone: string) => {
      const w = wallTimeIn(zone, d);
      return `${w.year}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`;
    };
    expect(text.match(/^DTSTART;TZID=.*$/gm)).toEqual(sessions.map((s) => `DTSTART;TZID=${s.time_zone}:${wall(s.starts_at, s.time_zone)}`));
    // ical.js gives back each instant, except in the hour after an autumn change, where it applies
    // the summer offset still (03:36 on 31 October 2027 in Paris read as 01:36Z, not 02:36Z): an
    // hour off there, and only there. The VTIMEZONE says what RFC 5545 asks (the change's local
    // time in the offset before it, 03:00 +0200 → +0100), and DTSTART is the zone's wall time (above).
    const autumn = [Date.UTC(2027, 9, 31, 1), Date.UTC(2027, 10, 7, 4)];
    let exact = 0;
    events.forEach((e, i) => {
      const at = sessions[i].starts_at.getTime();
      const back = e.startDate.toJSDate().getTime();
      if (back === at) exact++;
      else {
        expect(Math.abs(back - at), sessions[i].starts_at.toISOString()).toBe(3600_000);
        expect(autumn.some((change) => at >= change && at < change + 2 * 3600_000)).toBe(true);
      }
    });
    expect(exact).toBeGreaterThan(280);
  });

  it('gives the same version to the same sessions written later, another to any change shown', () => {
    const sessions = [session('a'), session('b', { cancelled: true }), session('c', { slug: 'autre', title: 'Autre' })];
    const options = { baseUrl: 'https://reperes.test', name: 'Ateliers', now };
    const first = writeCalendar(sessions, options);
    const later = writeCalendar(sessions, { ...options, now: new Date(now.getTime() + 3600_000) });
    expect(later.text).not.toBe(first.text);
    expect(later.version).toBe(first.version);
    const changed = [
      [session('a', { title: 'Atelier modifié' }), sessions[1], sessions[2]],
      [session('a', { place_name: 'Ailleurs' }), sessions[1], sessions[2]],
      [session('a', { ends_at: new Date(sessions[0].ends_at.getTime() + 60_000) }), sessions[1], sessions[2]],
      [sessions[0], session('b'), sessions[2]],
      [sessions[0], sessions[2], sessions[1]],
      sessions.slice(0, 2),
    ];
    const versions = changed.map((list) => writeCalendar(list, options).version);
    expect(new Set([first.version, ...versions]).size).toBe(changed.length + 1);
    expect(writeCalendar(sessions, { ...options, name: 'Autre nom' }).version).not.toBe(first.version);
  });
});
