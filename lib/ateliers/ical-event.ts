// One VEVENT of an imported feed, read by ical.js, as the series an atelier is made of (or the
// French reason it cannot be one). See ical-read.ts for the whole file.
import ICAL from 'ical.js';
import type { Service } from '@prisma/client';
import { slugify } from '@/lib/geo/fold';
import { instantAt, wallTimeIn } from '@/lib/hours/zone';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { MAX_SESSIONS, RULE_MESSAGES, ruleProblem } from './recurrence';

export type FeedEvent = {
  /** UID, or UID#RECURRENCE-ID (an instant, ISO) for a moved occurrence of a series */
  uid: string;
  recurrenceId: Date | null;
  title: string;
  summary: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  rrule: string | null;
  exdates: Date[];
  cancelled: boolean;
  link: string | null;
  themes: Service[];
};

type Refusal = { uid: string | null; title: string | null; message: string };
type Read = Refusal | { event: FeedEvent; past: boolean; warnings: string[] };

// Zones some calendar programs write by their Windows names (the zones of France and its overseas).
const WINDOWS_ZONES: Record<string, string> = {
  'Romance Standard Time': 'Europe/Paris',
  'W. Europe Standard Time': 'Europe/Paris',
  'SA Eastern Standard Time': 'America/Cayenne',
  'SA Western Standard Time': 'America/Martinique',
  'Arabian Standard Time': 'Indian/Reunion',
  'Mauritius Standard Time': 'Indian/Reunion',
  'Hawaiian Standard Time': 'Pacific/Tahiti',
  'Central Pacific Standard Time': 'Pacific/Noumea',
};

export function isIanaZone(zone: string): boolean {
  if (!/^[A-Za-z_]+\/[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)?$/.test(zone)) return false;
  try {
    new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The IANA zone a TZID names (also "/mozilla.org/…/Europe/Paris" and Windows names), or null. */
export function zoneOf(tzid: string): string | null {
  if (isIanaZone(tzid)) return tzid;
  if (WINDOWS_ZONES[tzid]) return WINDOWS_ZONES[tzid];
  const tail = /([A-Za-z_]+\/[A-Za-z0-9_+-]+)$/.exec(tzid)?.[1];
  return tail && isIanaZone(tail) ? tail : null;
}

type Zoned = { instant: Date; zone: string; wall: ICAL.Time };

/** A DATE-TIME property as an instant, with the zone its wall time is read in; null when absent. */
function zonedTime(prop: ICAL.Property | null, value: ICAL.Time | null, placeZone: string, warnings: string[]): Zoned | null {
  if (!prop || !value) return null;
  const tzid = prop.getParameter('tzid');
  const utc = !tzid && value.zone?.tzid === 'UTC';
  let zone = placeZone;
  if (typeof tzid === 'string') {
    const known = zoneOf(tzid);
    if (known) zone = known;
    else warnings.push(`Fuseau horaire « ${tzid.slice(0, 60)} » inconnu : les heures sont lues dans le fuseau du lieu (${placeZone}).`);
  }
  const instant = utc
    ? new Date(Date.UTC(value.year, value.month - 1, value.day, value.hour, value.minute, value.second))
    : instantAt(zone, value.year, value.month, value.day, value.hour, value.minute);
  // A time given in UTC repeats at the same wall time in the place's zone.
  if (utc) {
    const w = wallTimeIn(zone, instant);
    return {
      instant,
      zone,
      wall: new ICAL.Time({ year: w.year, month: w.month, day: w.day, hour: w.hour, minute: w.minute, second: 0, isDate: false }, ICAL.Timezone.localTimezone),
    };
  }
  return { instant, zone, wall: value };
}

const text = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : '');
const clip = (s: string, max: number) => (s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s);
const THEME_BY_WORD = new Map(
  Object.entries(SERVICE_LABELS).flatMap(([key, label]) => [[slugify(key), key as Service] as const, [slugify(label), key as Service] as const]),
);

function themesOf(component: ICAL.Component): Service[] {
  const words = component.getAllProperties('categories').flatMap((p) => p.getValues().map(String));
  return [...new Set(words.map((w) => THEME_BY_WORD.get(slugify(w))).filter((t): t is Service => Boolean(t)))];
}

const RULE_SAFE = /^[A-Z0-9=;,:+-]+$/i;
const stamp = (t: { year: number; month: number; day: number }) => `${t.year}${String(t.month).padStart(2, '0')}${String(t.day).padStart(2, '0')}T235959Z`;

/**
 * The rule from the series' first coming occurrence: a series begun long ago starts again at its
 * first session still to come (COUNT lowered by the sessions skipped), so the cap of
 * MAX_SESSIONS counts coming sessions; a rule without end stops at the expansion horizon.
 */
function rebase(rule: ICAL.Recur, start: Zoned, durationMs: number, now: Date, horizonEnd: Date, warnings: string[], title: string) {
  const iterator = rule.iterator(start.wall);
  let skipped = 0;
  let first: ICAL.Time | null = null;
  for (let next = iterator.next(); next; next = iterator.next()) {
    const at = instantAt(start.zone, next.year, next.month, next.day, next.hour, next.minute);
    if (at.getTime() + durationMs > now.getTime()) {
      first = next;
      break;
    }
    if (++skipped > 100_000) break;
  }
  if (!first) return null;
  const data = rule.toJSON() as Record<string, unknown>;
  let out = rule.toString();
  if (typeof data.count === 'number') out = out.replace(/COUNT=\d+/i, `COUNT=${Math.max(1, (data.count as number) - skipped)}`);
  if (data.count == null && data.until == null) {
    const end = wallTimeIn(start.zone, horizonEnd);
    out = `${out};UNTIL=${stamp(end)}`;
    warnings.push(
      `« ${clip(title, 60)} » se répète sans fin : ses séances sont créées jusqu’au ${end.day}/${end.month}/${end.year} ; importez de nouveau le calendrier pour prolonger.`,
    );
  }
  return { first, rule: out };
}

export function readEvent(component: ICAL.Component, placeZone: string, now: Date, horizonEnd: Date): Read {
  const warnings: string[] = [];
  const uidValue = text(component.getFirstPropertyValue('uid'));
  const title = text(component.getFirstPropertyValue('summary'));
  const refuse = (message: string): Refusal => ({ uid: uidValue || null, title: title || null, message });
  if (!uidValue) return refuse('Évènement sans identifiant (UID) : il ne pourrait pas être reconnu à la prochaine importation.');
  if (uidValue.length > 500) return refuse('Identifiant (UID) de plus de 500 caractères.');
  if (title.length < 3) return refuse('Évènement sans titre (SUMMARY) d’au moins 3 caractères.');
  const startProp = component.getFirstProperty('dtstart');
  const startValue = component.getFirstPropertyValue('dtstart') as ICAL.Time | null;
  if (!startValue) return refuse('Évènement sans date de début (DTSTART).');
  if (startValue.isDate) return refuse('Évènement sur la journée entière : un atelier a une heure de début et de fin.');
  const start = zonedTime(startProp, startValue, placeZone, warnings)!;
  const endValue = component.getFirstPropertyValue('dtend') as ICAL.Time | null;
  const duration = component.getFirstPropertyValue('duration') as ICAL.Duration | null;
  const end = endValue
    ? zonedTime(component.getFirstProperty('dtend'), endValue, start.zone, warnings)!.instant
    : duration
      ? new Date(start.instant.getTime() + duration.toSeconds() * 1000)
      : null;
  if (!end) return refuse('Évènement sans heure de fin (DTEND ou DURATION).');
  if (end <= start.instant) return refuse('La fin de l’évènement est avant son début (ou au même moment).');
  const durationMs = end.getTime() - start.instant.getTime();
  if (durationMs > 24 * 3600_000) return refuse('L’évènement dure plus de 24 heures : un atelier se donne en séances (une répétition).');
  const recurrenceProp = component.getFirstProperty('recurrence-id');
  const recurrence = zonedTime(recurrenceProp, component.getFirstPropertyValue('recurrence-id') as ICAL.Time | null, start.zone, warnings);
  const exdates = component
    .getAllProperties('exdate')
    .flatMap((p) => p.getValues().map((v) => zonedTime(p, v as ICAL.Time, start.zone, warnings)?.instant))
    .filter((d): d is Date => d instanceof Date);
  if (component.getAllProperties('rdate').length) warnings.push('Les dates ajoutées (RDATE) ne sont pas reprises : ajoutez ces séances dans Repères.');
  let rrule: string | null = null;
  let startsAt = start.instant;
  const ruleValue = component.getFirstPropertyValue('rrule') as ICAL.Recur | null;
  if (ruleValue && !recurrence) {
    if (!RULE_SAFE.test(ruleValue.toString())) return refuse(RULE_MESSAGES.unreadable);
    const based = rebase(ruleValue, start, durationMs, now, horizonEnd, warnings, title);
    if (!based) return { event: event(), past: true, warnings };
    rrule = based.rule;
    startsAt = instantAt(start.zone, based.first.year, based.first.month, based.first.day, based.first.hour, based.first.minute);
    const problem = ruleProblem(rrule, startsAt, start.zone);
    if (problem)
      return refuse(problem === 'too-many' ? `La répétition donnerait plus de ${MAX_SESSIONS} séances à venir : raccourcissez-la.` : RULE_MESSAGES[problem]);
  }
  function event(): FeedEvent {
    const description = text(component.getFirstPropertyValue('description'));
    const url = text(component.getFirstPropertyValue('url'));
    return {
      uid: recurrence ? `${uidValue}#${recurrence.instant.toISOString()}` : uidValue,
      recurrenceId: recurrence?.instant ?? null,
      title: clip(title, 120),
      summary: clip(description || title, 500),
      startsAt,
      endsAt: new Date(startsAt.getTime() + durationMs),
      timeZone: start.zone,
      rrule,
      exdates,
      cancelled: text(component.getFirstPropertyValue('status')).toUpperCase() === 'CANCELLED',
      link: /^https:\/\/\S+$/.test(url) && url.length <= 500 ? url : null,
      themes: themesOf(component),
    };
  }
  return { event: event(), past: !rrule && end <= now, warnings };
}
