// A temporary closure ("fermé temporairement du … au …") as the public sees it, in the place's zone.
import { localDate } from '@/lib/hours/present';
import { wallTimeIn } from '@/lib/hours';
import { translator, type Locale } from '@/lib/i18n';

export type TemporaryClosure = {
  /** Closed today (true) or announced for a later day (false). */
  active: boolean;
  from: string | null;
  until: string | null;
  message: string | null;
  /** "Fermé temporairement jusqu’au lundi 14 décembre", "Fermeture temporaire du … au …" */
  title: string;
  /** "Réouverture prévue le mardi 15 décembre" when the end is known. */
  reopening: string | null;
};

const iso = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function nextDay(day: string) {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}

/** The closure to show on the page at `now`, or null when there is none (or it is over). */
export function temporaryClosure(
  place: { closedFrom: Date | null; closedUntil: Date | null; closureMessage: string | null },
  now: Date,
  timeZone: string,
  locale: Locale = 'fr',
): TemporaryClosure | null {
  const t = translator(locale);
  const date = (day: string) => localDate(day, locale);
  const from = iso(place.closedFrom);
  const until = iso(place.closedUntil);
  if (!from && !until) return null;
  const w = wallTimeIn(timeZone, now);
  const today = `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
  if (until && until < today) return null;
  const active = !from || from <= today;
  const message = place.closureMessage?.trim() || null;
  const reopening = until ? t('closure.reopening', { date: date(nextDay(until)) }) : null;
  let title: string;
  if (active) title = until ? t('closure.activeUntil', { until: date(until) }) : t('closure.active');
  else title = until ? t('closure.between', { from: date(from!), until: date(until) }) : t('closure.from', { from: date(from!) });
  return { active, from, until, message, title, reopening };
}
