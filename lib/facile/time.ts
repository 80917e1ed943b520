// Opening hours in easy-to-read French: "Ouvert maintenant." then "Ferme à 18 heures.", and the
// week as one short line a day ("Lundi : de 9 heures à 12 heures."). Hours are whole words
// ("heures", not "h"), numbers in digits. The opening_hours library (lib/hours) decides, in the
// place's time zone, as on the standard pages.
import { instantAt, openIntervals, wallTimeIn, type OpeningState } from '@/lib/hours';
import type { DayRow } from '@/lib/hours/present';
import { dayWords } from './words';

const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'];

/** "9 heures", "17 heures 30", "midi" (and "minuit"): an instant's time in the zone. */
export function hourWords(at: Date, timeZone: string): string {
  const w = wallTimeIn(timeZone, at);
  if (w.minute === 0 && w.hour === 12) return 'midi';
  if (w.minute === 0 && (w.hour === 0 || w.hour === 24)) return 'minuit';
  const hour = `${w.hour} heure${w.hour > 1 ? 's' : ''}`;
  return w.minute === 0 ? hour : `${hour} ${String(w.minute).padStart(2, '0')}`;
}

const dayNumber = (w: { year: number; month: number; day: number }) => Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);

/** "aujourd’hui à 14 heures", "demain à 9 heures", "lundi à 9 heures", "le lundi 14 décembre à 9 heures". */
export function whenWords(at: Date, now: Date, timeZone: string): string {
  const a = wallTimeIn(timeZone, at);
  const gap = dayNumber(a) - dayNumber(wallTimeIn(timeZone, now));
  const hour = `à ${hourWords(at, timeZone)}`;
  if (gap <= 0) return `aujourd’hui ${hour}`;
  if (gap === 1) return `demain ${hour}`;
  const iso = `${a.year}-${String(a.month).padStart(2, '0')}-${String(a.day).padStart(2, '0')}`;
  if (gap < 7) return `${WEEKDAYS[(new Date(Date.UTC(a.year, a.month - 1, a.day)).getUTCDay() + 6) % 7]} ${hour}`;
  return `${dayWords(iso)} ${hour}`;
}

export type StateWords = { tone: 'open' | 'closed' | 'unknown'; first: string; then: string | null };

/** Now, in two short sentences at most: "Ouvert maintenant." "Ferme à 18 heures." */
export function stateWords(state: OpeningState, now: Date, timeZone: string): StateWords {
  if (state.status === 'unknown') return { tone: 'unknown', first: 'Nous ne connaissons pas les horaires.', then: 'Téléphonez avant de venir.' };
  const next = state.nextChange;
  if (state.status === 'open') {
    const closesToday = next && dayNumber(wallTimeIn(timeZone, next)) === dayNumber(wallTimeIn(timeZone, now));
    return {
      tone: 'open',
      first: 'Ouvert maintenant.',
      then: next ? (closesToday ? `Ferme à ${hourWords(next, timeZone)}.` : `Ferme ${whenWords(next, now, timeZone)}.`) : null,
    };
  }
  return { tone: 'closed', first: 'Fermé maintenant.', then: next ? `Ouvre ${whenWords(next, now, timeZone)}.` : null };
}

export type WeekLine = { day: string; text: string; today: boolean };

const capital = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

/**
 * The week of `rows` (lib/hours/present: Monday first, today marked, holidays known) as short
 * lines: "Lundi : de 9 heures à 12 heures, et de 14 heures à 18 heures." or "Mardi : fermé.".
 */
export function weekLines(openingHours: string, timeZone: string, rows: DayRow[]): WeekLine[] {
  return rows.map((row) => {
    const [y, m, d] = row.date.split('-').map(Number);
    const to = instantAt(timeZone, y, m, d + 1);
    const intervals = openIntervals(openingHours, timeZone, instantAt(timeZone, y, m, d), to);
    const ranges = intervals.map((i) => `de ${hourWords(i.start, timeZone)} à ${i.end.getTime() === to.getTime() ? 'minuit' : hourWords(i.end, timeZone)}`);
    const comments = [...new Set(intervals.map((i) => i.comment).filter(Boolean))];
    const text = ranges.length
      ? `${ranges.join(', et ')}.${comments.length ? ` ${comments.map((c) => capital(String(c).replace(/[.\s]+$/, ''))).join('. ')}.` : ''}`
      : row.holiday
        ? 'fermé, c’est un jour férié.'
        : 'fermé.';
    return { day: capital(row.day), text, today: row.isToday };
  });
}
