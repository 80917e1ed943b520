// Reading imported iCalendar feeds: the file-level refusals (size, 10,000 events, broken lines,
// not a calendar), each event's refusals (end before start, all-day, no UID), the zones (Paris
// across a daylight-saving change, Cayenne, La Réunion, a Windows zone name), rules without end
// bounded by the horizon, series begun long ago, moved and cancelled occurrences.
import { describe, expect, it } from 'vitest';
import { horizon, occurrences } from './recurrence';
import { ICS_MAX_EVENTS, readFeed } from './ical-read';

const now = new Date('2027-10-01T08:00:00Z');
const calendar = (...events: string[]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Test//FR', ...events, 'END:VCALENDAR', ''].join('\r\n');
const vevent = (uid: string, lines: string[]) => ['BEGIN:VEVENT', `UID:${uid}`, 'DTSTAMP:20270901T000000Z', ...lines, 'END:VEVENT'].join('\r\n');
const bytes = (text: string) => new TextEncoder().encode(text);
const read = (text: string, zone = 'Europe/Paris') => readFeed(bytes(text), zone, now);
const ok = (text: string, zone?: string) => {
  const r = read(text, zone);
  if (!r.ok) throw new Error(r.error);
  return r;
};

describe('file-level refusals', () => {
  it('refuses a feed of 10,000 events as a whole, saying how many and the limit', () => {
    const events = Array.from({ length: 10_000 }, (_, i) =>
      vevent(`e${i}@test`, ['DTSTART;TZID=Europe/Paris:20271105T140000', 'DTEND;TZID=Europe/Paris:20271105T160000', `SUMMARY:Atelier ${i}`]),
    );
    const r = read(calendar(...events));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.error).toBe(
        `Le calendrier contient ${(10_000).toLocaleString('fr-FR')} évènements : au plus ${ICS_MAX_EVENTS.toLocaleString('fr-FR')} par import. Rien n’a été importé. Exportez seulement les ateliers à venir de ce lieu, ou découpez le fichier.`,
      );
  });

  it('refuses broken lines with their numbers, and takes folded lines', () => {
    const good = vevent('a@test', [
      'DTSTART;TZID=Europe/Paris:20271105T140000',
      'DTEND;TZID=Europe/Paris:20271105T160000',
      'SUMMARY:Un titre',
      ' replié sur deux lignes',
    ]);
    expect(ok(calendar(good)).events[0].title).toBe('Un titrereplié sur deux lignes');
    const broken = calendar(good.replace('SUMMARY:Un titre', 'SUMMARY Un titre sans deux-points'));
    const r = read(broken);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/^Le calendrier a une ligne illisible \(ligne 9 : « SUMMARY Un titre sans deux-points.*Rien n’a été importé/);
  });

  it('refuses what is not a calendar, an empty file and a cut one', () => {
    expect(read('nom,date\nAtelier,2027-10-05')).toEqual({ ok: false, error: expect.stringContaining('n’est pas un calendrier iCalendar') });
    expect(read('')).toEqual({ ok: false, error: 'Le fichier est vide.' });
    expect(read('BEGIN:VCALENDAR\r\nVERSION:2.0\r\n')).toEqual({ ok: false, error: expect.stringContaining('incomplet') });
  });
});

describe('events', () => {
  it('refuses an event ending before it starts, an all-day one and one without UID, and keeps the others', () => {
    const r = ok(
      calendar(
        vevent('bad@test', ['DTSTART;TZID=Europe/Paris:20271105T160000', 'DTEND;TZID=Europe/Paris:20271105T140000', 'SUMMARY:À l’envers']),
        vevent('day@test', ['DTSTART;VALUE=DATE:20271105', 'DTEND;VALUE=DATE:20271106', 'SUMMARY:Journée']),
        ['BEGIN:VEVENT', 'DTSTART:20271105T140000Z', 'DTEND:20271105T150000Z', 'SUMMARY:Sans UID', 'END:VEVENT'].join('\r\n'),
        vevent('good@test', ['DTSTART;TZID=Europe/Paris:20271105T140000', 'DURATION:PT2H', 'SUMMARY:Bon']),
      ),
    );
    expect(r.events.map((e) => e.uid)).toEqual(['good@test']);
    expect(r.events[0].endsAt.getTime() - r.events[0].startsAt.getTime()).toBe(2 * 3600_000);
    expect(r.refused).toEqual([
      { uid: 'bad@test', title: 'À l’envers', message: 'La fin de l’évènement est avant son début (ou au même moment).' },
      { uid: 'day@test', title: 'Journée', message: 'Évènement sur la journée entière : un atelier a une heure de début et de fin.' },
      { uid: null, title: 'Sans UID', message: expect.stringContaining('sans identifiant (UID)') },
    ]);
  });

  it('reads overseas zones at their own wall time, and Windows zone names', () => {
    const r = ok(
      calendar(
        vevent('cay@test', ['DTSTART;TZID=America/Cayenne:20271105T090000', 'DTEND;TZID=America/Cayenne:20271105T110000', 'SUMMARY:Cayenne']),
        vevent('run@test', ['DTSTART;TZID=Indian/Reunion:20271105T090000', 'DTEND;TZID=Indian/Reunion:20271105T110000', 'SUMMARY:La Réunion']),
        vevent('win@test', ['DTSTART;TZID=Romance Standard Time:20271105T090000', 'DTEND;TZID=Romance Standard Time:20271105T110000', 'SUMMARY:Outlook']),
        vevent('flo@test', ['DTSTART:20271105T090000', 'DTEND:20271105T110000', 'SUMMARY:Flottant']),
      ),
      'Indian/Reunion',
    );
    const at = Object.fromEntries(r.events.map((e) => [e.uid, [e.startsAt.toISOString(), e.timeZone]]));
    expect(at).toEqual({
      'cay@test': ['2027-11-05T12:00:00.000Z', 'America/Cayenne'],
      'run@test': ['2027-11-05T05:00:00.000Z', 'Indian/Reunion'],
      'win@test': ['2027-11-05T08:00:00.000Z', 'Europe/Paris'],
      'flo@test': ['2027-11-05T05:00:00.000Z', 'Indian/Reunion'], // floating: the place's zone
    });
  });

  it('keeps a weekly Paris series at 14:00 across the autumn daylight-saving change', () => {
    const r = ok(
      calendar(
        vevent('dst@test', [
          'DTSTART;TZID=Europe/Paris:20271020T140000',
          'DTEND;TZID=Europe/Paris:20271020T160000',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'SUMMARY:Hebdo',
        ]),
      ),
    );
    const sessions = occurrences(r.events[0], now, horizon(now)).map((o) => o.startsAt.toISOString());
    expect(sessions).toEqual(['2027-10-20T12:00:00.000Z', '2027-10-27T12:00:00.000Z', '2027-11-03T13:00:00.000Z']);
  });

  it('bounds a rule without end at the horizon, with a warning, and restarts an old series at its next session', () => {
    const r = ok(
      calendar(
        vevent('ever@test', [
          'DTSTART;TZID=Europe/Paris:20200106T100000',
          'DTEND;TZID=Europe/Paris:20200106T120000',
          'RRULE:FREQ=WEEKLY',
          'SUMMARY:Depuis 2020',
        ]),
        vevent('count@test', [
          'DTSTART;TZID=Europe/Paris:20270906T100000',
          'DTEND;TZID=Europe/Paris:20270906T120000',
          'RRULE:FREQ=WEEKLY;COUNT=10',
          'SUMMARY:Dix fois',
        ]),
        vevent('done@test', [
          'DTSTART;TZID=Europe/Paris:20270106T100000',
          'DTEND;TZID=Europe/Paris:20270106T120000',
          'RRULE:FREQ=WEEKLY;COUNT=3',
          'SUMMARY:Fini',
        ]),
      ),
    );
    const [ever, count] = r.events;
    expect(ever.startsAt.toISOString()).toBe('2027-10-04T08:00:00.000Z'); // the first Monday to come
    expect(ever.rrule).toMatch(/^FREQ=WEEKLY;UNTIL=20280401T235959Z$/);
    const sessions = occurrences(ever, now, new Date('2030-01-01'));
    expect(sessions.length).toBe(26);
    expect(sessions[sessions.length - 1].startsAt <= horizon(now)).toBe(true);
    expect(r.warnings[0]).toMatch(/« Depuis 2020 » se répète sans fin : ses séances sont créées jusqu’au/);
    expect(count.rrule).toBe('FREQ=WEEKLY;COUNT=6'); // 4 of 10 were before 1 October
    expect(occurrences(count, now, horizon(now))).toHaveLength(6);
    expect(r.past).toEqual(['done@test']);
  });

  it('turns a cancelled occurrence into an exception and a moved one into its own event', () => {
    const r = ok(
      calendar(
        vevent('s@test', [
          'DTSTART;TZID=Europe/Paris:20271005T140000',
          'DTEND;TZID=Europe/Paris:20271005T160000',
          'RRULE:FREQ=WEEKLY;COUNT=4',
          'SUMMARY:Série',
        ]),
        vevent('s@test', [
          'RECURRENCE-ID;TZID=Europe/Paris:20271012T140000',
          'DTSTART;TZID=Europe/Paris:20271012T140000',
          'DTEND;TZID=Europe/Paris:20271012T160000',
          'STATUS:CANCELLED',
          'SUMMARY:Série',
        ]),
        vevent('s@test', [
          'RECURRENCE-ID;TZID=Europe/Paris:20271019T140000',
          'DTSTART;TZID=Europe/Paris:20271020T100000',
          'DTEND;TZID=Europe/Paris:20271020T120000',
          'SUMMARY:Série déplacée',
        ]),
      ),
    );
    expect(r.events.map((e) => e.uid)).toEqual(['s@test', 's@test#2027-10-19T12:00:00.000Z']);
    expect(occurrences(r.events[0], now, horizon(now)).map((o) => o.startsAt.toISOString())).toEqual(['2027-10-05T12:00:00.000Z', '2027-10-26T12:00:00.000Z']);
    expect(r.events[1].startsAt.toISOString()).toBe('2027-10-20T08:00:00.000Z');
  });

  it('maps categories to the standard’s services, by label or key', () => {
    const r = ok(
      calendar(
        vevent('c@test', [
          'DTSTART;TZID=Europe/Paris:20271105T140000',
          'DTEND;TZID=Europe/Paris:20271105T160000',
          'SUMMARY:Démarches',
          'CATEGORIES:aide aux démarches administratives,Cuisine,UtilisationSecuriseeDuNumerique',
        ]),
      ),
    );
    expect(r.events[0].themes).toEqual(['AideAuxDemarchesAdministratives', 'UtilisationSecuriseeDuNumerique']);
  });
});
