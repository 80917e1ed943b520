// Small formatting helpers shared by result cards and place pages, in the visitor's language.
import type { OpeningState } from '@/lib/hours';
import { describeState } from '@/lib/hours/present';
import { translator, type Translator } from '@/lib/i18n';

const numberFormats = new Map<string, Intl.NumberFormat>();
function kmFormat(t: Translator, near: boolean): Intl.NumberFormat {
  const key = `${t.intl} ${near}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(t.intl, { maximumFractionDigits: 1, minimumFractionDigits: near ? 1 : 0 });
    numberFormats.set(key, format);
  }
  return format;
}

/** "à 350 m", "à 2,4 km", "à 12 km". */
export function formatDistance(km: number, t: Translator = translator()): string {
  if (km < 1) return t('card.distanceMeters', { meters: Math.max(50, Math.round((km * 1000) / 50) * 50) });
  return t('card.distanceKm', { km: kmFormat(t, km < 10).format(km) });
}

/** "Ouvert — ferme à 17 h", "Fermé — ouvre demain à 9 h", "Horaires non communiqués". */
export function describeOpening(
  state: OpeningState,
  now: Date,
  timeZone = 'Europe/Paris',
  t: Translator = translator(),
): { label: string; tone: 'open' | 'closed' | 'unknown' } {
  return describeState(state, now, timeZone, t.locale);
}
