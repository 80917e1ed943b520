// Small French formatting helpers shared by result cards and place pages.
import type { OpeningState } from '@/lib/hours';

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/Paris' });

export function formatDistance(km: number): string {
  if (km < 1) return `à ${Math.max(50, Math.round((km * 1000) / 50) * 50)} m`;
  return `à ${km.toLocaleString('fr-FR', { maximumFractionDigits: 1, minimumFractionDigits: km < 10 ? 1 : 0 })} km`;
}

/** "17 h", "17 h 30" in the place's zone. */
export function formatHour(date: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('fr-FR', { hour: 'numeric', minute: '2-digit', timeZone }).formatToParts(date);
  const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
  const minute = parts.find((p) => p.type === 'minute')?.value ?? '00';
  return minute === '00' ? `${Number(hour)} h` : `${Number(hour)} h ${minute}`;
}

const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long' });

function dayWord(date: Date, now: Date, timeZone: string): string {
  const key = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);
  const today = key(now);
  const tomorrow = key(new Date(now.getTime() + 86_400_000));
  if (key(date) === today) return '';
  if (key(date) === tomorrow) return 'demain ';
  return `${new Intl.DateTimeFormat('fr-FR', { weekday: 'long', timeZone }).format(date)} `;
}

/** "Ouvert — ferme à 17 h", "Fermé — ouvre demain à 9 h", "Horaires non communiqués". */
export function describeOpening(state: OpeningState, now: Date, timeZone = 'Europe/Paris'): { label: string; tone: 'open' | 'closed' | 'unknown' } {
  if (state.status === 'unknown') return { label: 'Horaires non communiqués', tone: 'unknown' };
  if (state.status === 'open') {
    return { label: state.nextChange ? `Ouvert — ferme ${dayWord(state.nextChange, now, timeZone)}à ${formatHour(state.nextChange, timeZone)}` : 'Ouvert', tone: 'open' };
  }
  return {
    label: state.nextChange ? `Fermé — ouvre ${dayWord(state.nextChange, now, timeZone)}à ${formatHour(state.nextChange, timeZone)}` : 'Fermé',
    tone: 'closed',
  };
}

export { TIME, DAY };
