// The feed read back by ical.js (Mozilla's iCalendar parser, used by Thunderbird): it must parse,
// its VTIMEZONEs must turn each DTSTART back into the very instant written, across a DST change
// and overseas, and a cancelled session must say so.
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { instantAt } from '@/lib/hours/zone';
import { foldLines, sessionsCalendar, zoneBlock } from './ics';
import { floating } from './recurrence';
import type { SessionRow } from './search';
import { transitions } from './vtimezone';

const row = (id: string, startsAt: Date, timeZone: string, extra: Partial<SessionRow> = {}): SessionRow => ({
  session_id: id,
  starts_at: startsAt,
  ends_at: new Date(startsAt.getTime() + 2 * 3600_000),
  cancelled: false,
  seats_left: null,
  slug: 'smartphone-cholet',
  title: 'Smartphone; débuter, pas à pas',
  summary: 'Les gestes de base.\nÀ son rythme.',
  fee: 'Gratuit',
  online: false,
  registration_mode: 'NONE',
  time_zone: timeZone,
  themes: [],
  place_name: 'Espace des Tilleuls',
  place_slug: 'tilleuls',
  commune: 'Cholet',
  stop_label: null,
  distance: null,
  demo: true,
  ...extra,
});

describe('sessionsCalendar', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  const sessions = [
    row('a', instantAt('Europe/Paris', 2027, 3, 23, 14, 0), 'Europe/Paris'),
    row('b', instantAt('Europe/Paris', 2027, 3, 30, 14, 0), 'Europe/Paris', { cancelled: true }),
    row('c', instantAt('Pacific/Noumea', 2027, 3, 30, 9, 0), 'Pacific/Noumea', { online: true }),
  ];
  const text = sessionsCalendar(sessions, { baseUrl: 'https://reperes.test', name: 'Ateliers', now });

  it('parses as iCalendar, with one VTIMEZONE per zone used', () => {
    const root = new ICAL.Component(ICAL.parse(text));
    expect(root.name).toBe('vcalendar');
    expect(root.getFirstPropertyValue('version')).toBe('2.0');
    const zones = root.getAllSubcomponents('vtimezone').map((z) => z.getFirstPropertyValue('tzid'));
    expect(zones.sort()).toEqual(['Europe/Paris', 'Pacific/Noumea']);
    expect(text).toMatch(/\r\nDTSTAMP:20270301T100000Z\r\n/); // RFC 5545: DTSTAMP in UTC
    expect(text.split('\r\n').every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
  });

  it('gives back each session’s instant through its VTIMEZONE, and marks the cancelled one', () => {
    const root = new ICAL.Component(ICAL.parse(text));
    for (const z of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(z);
    const events = root.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events.map((e) => e.startDate.toJSDate().toISOString())).toEqual(sessions.map((s) => s.starts_at.toISOString()));
    expect(events.map((e) => e.startDate.zone?.tzid)).toEqual(['Europe/Paris', 'Europe/Paris', 'Pacific/Noumea']);
    expect(events[1].component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(events[0].summary).toBe('Smartphone; débuter, pas à pas');
    expect(events[0].description).toContain('https://reperes.test/ateliers/smartphone-cholet');
    expect(events[2].location).toBe('En ligne');
    expect(events.map((e) => e.uid)).toEqual(['a@reperes', 'b@reperes', 'c@reperes']);
  });
});

describe('foldLines and the assembled calendar', () => {
  const now = new Date('2027-03-01T10:00:00Z');
  const long = 'Atelier « smartphone » : ' + 'é'.repeat(40) + ' 🙂 '.repeat(20) + 'x'.repeat(200);
  const sessions = [
    row('a', instantAt('Europe/Paris', 2027, 3, 23, 14, 0), 'Europe/Paris', { summary: long }),
    row('b', instantAt('America/Cayenne', 2027, 3, 30, 14, 0), 'America/Cayenne', { cancelled: true, title: long.slice(0, 120) }),
  ];

  it('writes the very text ical-generator writes for the same calendar, the last line ended', () => {
    const options = { baseUrl: 'https://reperes.test', name: 'Ateliers — Cholet', now };
    const whole = ical({
      name: options.name,
      prodId: { company: 'Repères', product: 'Ateliers', language: 'FR' },
      method: ICalCalendarMethod.PUBLISH,
      ttl: 3600,
      timezone: { name: '', generator: (zone) => zoneBlock(zone, now) },
    });
    for (const s of sessions) {
      const url = `${options.baseUrl}/ateliers/${s.slug}`;
      whole.createEvent({
        id: `${s.session_id}@reperes`,
        start: floating(s.starts_at, s.time_zone),
        end: floating(s.ends_at, s.time_zone),
        timezone: s.time_zone,
        stamp: now,
        summary: s.cancelled ? `Annulé : ${s.title}` : s.title,
        description: `${s.summary}\n\n${url}`,
        location: `${s.place_name}, ${s.commune}`,
        url,
        status: s.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      });
    }
    expect(sessionsCalendar(sessions, options)).toBe(`${whole.toString()}\r\n`);
  });

  it('folds at 75 octets without cutting a character', () => {
    const folded = foldLines(`DESCRIPTION:${long}`).split('\r\n');
    expect(folded.length).toBeGreaterThan(3);
    expect(folded.every((line) => new TextEncoder().encode(line).length <= 75)).toBe(true);
    expect(folded.map((line, i) => (i ? line.slice(1) : line)).join('')).toBe(`DESCRIPTION:${long}`);
  });
});

describe('transitions', () => {
  it('finds Paris’s two changes in 2027 to the minute, and none in Nouméa', () => {
    const from = Date.UTC(2027, 0, 1);
    const to = Date.UTC(2028, 0, 1);
    expect(transitions('Europe/Paris', from, to)).toEqual([
      { at: Date.UTC(2027, 2, 28, 1), before: 60, after: 120 },
      { at: Date.UTC(2027, 9, 31, 1), before: 120, after: 60 },
    ]);
    expect(transitions('Pacific/Noumea', from, to)).toEqual([]);
  });
});
