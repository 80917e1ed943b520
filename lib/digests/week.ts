// The calendar of the weekly digest, in Europe/Paris: today's ISO weekday (1 = Monday … 7) and
// ISO week ("2026-W49"), the key that makes a digest go once per person and week.

const PARIS = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in Paris at `now`, as a UTC midnight date. */
export function parisDay(now: Date): Date {
  return new Date(`${PARIS.format(now)}T00:00:00Z`);
}

/** ISO weekday in Paris: 1 = Monday … 7 = Sunday. */
export function parisWeekday(now: Date): number {
  return parisDay(now).getUTCDay() || 7;
}

/** ISO week of the Paris calendar day, e.g. "2026-W49" (the week belongs to the year of its Thursday). */
export function isoWeek(now: Date): string {
  const day = parisDay(now);
  const thursday = new Date(day.getTime() + (4 - (day.getUTCDay() || 7)) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = Math.floor((thursday.getTime() - yearStart) / 86_400_000 / 7) + 1;
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export const WEEKDAYS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;
