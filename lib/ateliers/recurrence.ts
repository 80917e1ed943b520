// The sessions of a series: its first session repeated by an iCalendar RRULE in the atelier's
// time zone, minus its exceptions (EXDATE), within a bounded horizon.
//
// RRULE arithmetic is the `rrule` library's (the field's reference JavaScript implementation of
// RFC 5545 recurrence). Its own time-zone support depends on the host's, so it is used the way its
// documentation recommends: on "floating" dates whose UTC fields are the wall time in the zone.
// Each occurrence's wall time is then turned into an instant in the zone (lib/hours/zone.ts), so a
// weekly 14:00 stays at 14:00 across a daylight-saving change, in Paris as in Nouméa. UNTIL is read
// as a wall time in the zone too.
import * as rruleModule from 'rrule';
import { instantAt, wallTimeIn } from '@/lib/hours/zone';

// rrule ships a UMD build (CommonJS) and an ES build: Node's ESM loader sees only its default
// export, bundlers its named ones.
const { rrulestr, RRule } = ((rruleModule as { default?: typeof rruleModule }).default ?? rruleModule) as typeof rruleModule;

/** Sessions are expanded this far ahead; later ones appear as time goes by (extendHorizons). */
export const HORIZON_DAYS = 183;
/** A series may give at most this many sessions in all. */
export const MAX_SESSIONS = 300;

export type Series = { startsAt: Date; endsAt: Date; timeZone: string; rrule: string | null; exdates: Date[] };
export type Occurrence = { startsAt: Date; endsAt: Date };

export type RuleProblem = 'unreadable' | 'unbounded' | 'too-many';

export const RULE_MESSAGES: Record<RuleProblem, string> = {
  unreadable: 'La règle de répétition est illisible.',
  unbounded: 'La répétition doit s’arrêter : indiquez une date de fin ou un nombre de séances.',
  'too-many': `Cette répétition donnerait plus de ${MAX_SESSIONS} séances : raccourcissez-la ou espacez-la.`,
};

/** A Date whose UTC fields are the wall time of `instant` in `timeZone` (rrule and ical-generator read those). */
export function floating(instant: Date, timeZone: string): Date {
  const w = wallTimeIn(timeZone, instant);
  return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
}

function fromFloating(d: Date, timeZone: string): Date {
  return instantAt(timeZone, d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes());
}

function parseRule(rule: string, dtstart: Date) {
  const text = rule.trim().replace(/^RRULE:/i, '');
  if (!/^[A-Z0-9=;,:+-]+$/i.test(text) || /DTSTART|TZID/i.test(text)) return null;
  try {
    const parsed = rrulestr(`RRULE:${text}`, { dtstart }) as InstanceType<typeof RRule>;
    return parsed instanceof RRule ? parsed : null;
  } catch {
    return null;
  }
}

/** Why a rule cannot be used, or null when it can: it must read, stop, and give at most MAX_SESSIONS. */
export function ruleProblem(rule: string, startsAt: Date, timeZone: string): RuleProblem | null {
  const parsed = parseRule(rule, floating(startsAt, timeZone));
  if (!parsed) return 'unreadable';
  if (parsed.options.count == null && parsed.options.until == null) return 'unbounded';
  let n = 0;
  parsed.all(() => ++n <= MAX_SESSIONS + 1);
  return n > MAX_SESSIONS ? 'too-many' : null;
}

/** The series' sessions starting in [from, until), excluded dates left out, at most MAX_SESSIONS. */
export function occurrences(series: Series, from: Date, until: Date): Occurrence[] {
  const duration = series.endsAt.getTime() - series.startsAt.getTime();
  const excluded = new Set(series.exdates.map((d) => d.getTime()));
  const starts: Date[] = [];
  if (!series.rrule) starts.push(series.startsAt);
  else {
    const parsed = parseRule(series.rrule, floating(series.startsAt, series.timeZone));
    if (!parsed) return [];
    let n = 0;
    parsed.all((d) => {
      if (++n > MAX_SESSIONS) return false;
      const start = fromFloating(d, series.timeZone);
      if (start >= until) return false;
      starts.push(start);
      return true;
    });
  }
  return starts.filter((s) => s >= from && s < until && !excluded.has(s.getTime())).map((s) => ({ startsAt: s, endsAt: new Date(s.getTime() + duration) }));
}

/** The end of the expansion horizon seen from `now`. */
export function horizon(now: Date): Date {
  return new Date(now.getTime() + HORIZON_DAYS * 86_400_000);
}

/** An RRULE for the back-office's simple choices: every week or every two weeks until a date (inclusive, wall time in the zone). */
export function simpleRule(every: 'none' | 'weekly' | 'biweekly' | 'monthly', untilDate: string | null): string | null {
  if (every === 'none') return null;
  const freq = every === 'monthly' ? 'FREQ=MONTHLY' : `FREQ=WEEKLY;INTERVAL=${every === 'biweekly' ? 2 : 1}`;
  if (!untilDate) return freq;
  return `${freq};UNTIL=${untilDate.replace(/-/g, '')}T235959Z`;
}
