// Small French formatting helpers shared by result cards and place pages.
import type { OpeningState } from '@/lib/hours';

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' });

const KM_NEAR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const KM_FAR = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: 0 });

export function formatDistance(km: number): string {
  if (km < 1) return `à ${Math.max(50, Math.round((km * 1000) / 50) * 50)} m`;
  return `à ${(km < 10 ? KM_NEAR : KM_FAR).format(km)} km`;
}

// Building an Intl.DateTimeFormat costs far more than using one: one per kind and zone, kept.
const formats = new Map<string, Intl.DateTimeFormat>();
function format(kind: 'hour' | 'day' | 'weekday', timeZone: string): Intl.DateTimeFormat {
  const key = `${kind} ${timeZone}`;
  let f = formats.get(key);
  if (!f) {
    f =
      kind === 'hour'
        ? new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone })
        : kind === 'day'
          ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
          : new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone });
    formats.set(key, f);
  }
  return f;
}

/** "17 h", "17 h 30" in the place's zone. */
export function formatHour(date: Date, timeZone: string): string {
  const parts = format('hour', timeZone).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return minute === '00' ? `${Number(hour)} h` : `${Number(hour)} h ${minute}`;
}

const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long' });

function dayWord(date: Date, now: Date, timeZone: string): string {
  const key = (d: Date) => format('day', timeZone).format(d);
  const today = key(now);
  const tomorrow = key(new Date(now.getTime() + 86_400_000));
  if (key(date) === today) return '';
  if (key(date) === tomorrow) return 'demain ';
  return `${format('weekday', timeZone).format(date)} `;
}

/** "Ouvert — ferme à 17 h", "Fermé — ouvre demain à 9 h", "Horaires non communiqués". */
export function describeOpening(state: OpeningState, now: Date, timeZone = 'Europe/Paris'): { label: string; tone: 'open' | 'closed' | 'unknown' } {
  if (state.status === 'unknown') return { label: 'Horaires non communiqués', tone: 'unknown' };
  if (state.status === 'open') {
    return {
      label: state.nextChange ? `Ouvert — ferme ${dayWord(state.nextChange, now, timeZone)}à ${formatHour(state.nextChange, timeZone)}` : 'Ouvert',
      tone: 'open',
    };
  }
  return {
    label: state.nextChange ? `Fermé — ouvre ${dayWord(state.nextChange, now, timeZone)}à ${formatHour(state.nextChange, timeZone)}` : 'Fermé',
    tone: 'closed',
  };
}

export { TIME, DAY };
