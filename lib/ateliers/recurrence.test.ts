import { describe, expect, it } from 'vitest';
import { instantAt } from '@/lib/hours/zone';
import { horizon, MAX_SESSIONS, occurrences, ruleProblem, simpleRule } from './recurrence';

const iso = (d: { startsAt: Date }) => d.startsAt.toISOString();

describe('occurrences', () => {
  it('keeps a weekly Paris session at 14:00 across the spring daylight-saving change', () => {
    const startsAt = instantAt('Europe/Paris', 2027, 3, 16, 14, 0);
    const series = { startsAt, endsAt: new Date(startsAt.getTime() + 2 * 3600_000), timeZone: 'Europe/Paris', rrule: 'FREQ=WEEKLY;COUNT=4', exdates: [] };
    const got = occurrences(series, startsAt, horizon(startsAt));
    expect(got.map(iso)).toEqual(['2027-03-16T13:00:00.000Z', '2027-03-23T13:00:00.000Z', '2027-03-30T12:00:00.000Z', '2027-04-06T12:00:00.000Z']);
    expect(got.every((o) => o.endsAt.getTime() - o.startsAt.getTime() === 2 * 3600_000)).toBe(true);
  });

  it('and across the autumn change', () => {
    const startsAt = instantAt('Europe/Paris', 2027, 10, 26, 9, 30);
    const series = { startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), timeZone: 'Europe/Paris', rrule: 'FREQ=WEEKLY;COUNT=2', exdates: [] };
    expect(occurrences(series, startsAt, horizon(startsAt)).map(iso)).toEqual(['2027-10-26T07:30:00.000Z', '2027-11-02T08:30:00.000Z']);
    // 09:30 both weeks: UTC+2 before the 31 October change, UTC+1 after.
  });

  it('reads overseas zones: Nouméa (UTC+11) and Cayenne (UTC−3), without daylight saving', () => {
    const noumea = instantAt('Pacific/Noumea', 2027, 3, 16, 9, 0);
    const a = occurrences(
      { startsAt: noumea, endsAt: new Date(noumea.getTime() + 3600_000), timeZone: 'Pacific/Noumea', rrule: 'FREQ=WEEKLY;COUNT=3', exdates: [] },
      noumea,
      horizon(noumea),
    );
    expect(a.map(iso)).toEqual(['2027-03-15T22:00:00.000Z', '2027-03-22T22:00:00.000Z', '2027-03-29T22:00:00.000Z']);
    const cayenne = instantAt('America/Cayenne', 2027, 3, 27, 18, 0);
    const b = occurrences(
      { startsAt: cayenne, endsAt: new Date(cayenne.getTime() + 3600_000), timeZone: 'America/Cayenne', rrule: 'FREQ=WEEKLY;COUNT=2', exdates: [] },
      cayenne,
      horizon(cayenne),
    );
    expect(b.map(iso)).toEqual(['2027-03-27T21:00:00.000Z', '2027-04-03T21:00:00.000Z']);
  });

  it('leaves out the excluded dates, and what is before `from` or past the horizon', () => {
    const startsAt = instantAt('Europe/Paris', 2027, 1, 5, 14, 0);
    const exdates = [instantAt('Europe/Paris', 2027, 1, 12, 14, 0)];
    const series = { startsAt, endsAt: new Date(startsAt.getTime() + 3600_000), timeZone: 'Europe/Paris', rrule: 'FREQ=WEEKLY;COUNT=100', exdates };
    const from = instantAt('Europe/Paris', 2027, 1, 6);
    const got = occurrences(series, from, horizon(from));
    expect(got[0].startsAt.toISOString()).toBe('2027-01-19T13:00:00.000Z');
    expect(got.length).toBeLessThan(30);
    expect(got.at(-1)!.startsAt < horizon(from)).toBe(true);
  });

  it('gives the single session of an atelier without rule', () => {
    const startsAt = instantAt('Europe/Paris', 2027, 1, 5, 14, 0);
    expect(
      occurrences({ startsAt, endsAt: new Date(startsAt.getTime() + 1), timeZone: 'Europe/Paris', rrule: null, exdates: [] }, startsAt, horizon(startsAt)),
    ).toHaveLength(1);
  });

  it('reads UNTIL as inclusive of the last day', () => {
    const startsAt = instantAt('Europe/Paris', 2027, 1, 5, 14, 0);
    const rrule = simpleRule('weekly', '2027-01-26')!;
    expect(
      occurrences({ startsAt, endsAt: new Date(startsAt.getTime() + 1), timeZone: 'Europe/Paris', rrule, exdates: [] }, startsAt, horizon(startsAt)),
    ).toHaveLength(4);
  });
});

describe('ruleProblem', () => {
  const startsAt = instantAt('Europe/Paris', 2027, 1, 5, 14, 0);
  it('refuses a rule without end, an unreadable one, and one with too many sessions', () => {
    expect(ruleProblem('FREQ=WEEKLY', startsAt, 'Europe/Paris')).toBe('unbounded');
    expect(ruleProblem('FREQ=SOMETIMES', startsAt, 'Europe/Paris')).toBe('unreadable');
    expect(ruleProblem('FREQ=WEEKLY;COUNT=3\nDTSTART:19700101T000000Z', startsAt, 'Europe/Paris')).toBe('unreadable');
    expect(ruleProblem(`FREQ=DAILY;COUNT=${MAX_SESSIONS + 1}`, startsAt, 'Europe/Paris')).toBe('too-many');
    expect(ruleProblem('FREQ=HOURLY;UNTIL=20300101T000000Z', startsAt, 'Europe/Paris')).toBe('too-many');
    expect(ruleProblem(`FREQ=DAILY;COUNT=${MAX_SESSIONS}`, startsAt, 'Europe/Paris')).toBeNull();
    expect(ruleProblem('RRULE:FREQ=WEEKLY;BYDAY=TU,TH;UNTIL=20270601T000000Z', startsAt, 'Europe/Paris')).toBeNull();
  });
});
