// Dates of sessions in French, in the atelier's own time zone (whatever the server's), and the
// other words the ateliers' pages and mails share.
import type { Service } from '@prisma/client';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      'fr-FR',
      kind === 'day' ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    cache.set(key, f);
  }
  return f;
}

/** « mardi 5 janvier 2027 ». */
export const sessionDay = (d: Date, timeZone: string) => fmt(timeZone, 'day').format(d);

/** « 14 h 00 ». */
export const sessionTime = (d: Date, timeZone: string) => fmt(timeZone, 'time').format(d).replace(':', ' h ');

/** « mardi 5 janvier 2027, 14 h 00 – 16 h 00 », with the zone named when it is not mainland France's. */
export function sessionWhen(startsAt: Date, endsAt: Date, timeZone: string): string {
  const zone = timeZone === 'Europe/Paris' ? '' : ` (heure locale, ${timeZone.split('/').pop()!.replace(/_/g, ' ')})`;
  return `${sessionDay(startsAt, timeZone)}, ${sessionTime(startsAt, timeZone)} – ${sessionTime(endsAt, timeZone)}${zone}`;
}

const SERVICE_BY_LABEL = new Map(Object.entries(SERVICE_LABELS).map(([key, label]) => [label, key as Service]));

/** A theme as the database holds it (the standard's string) or as its key, in plain words. */
export function themePlain(value: string): string {
  const key = (value in SERVICE_PLAIN ? value : SERVICE_BY_LABEL.get(value)) as Service | undefined;
  return key ? SERVICE_PLAIN[key].label : value;
}

/** « 3 places restantes », « Complet : liste d’attente ». */
export function seatsText(left: number): string {
  if (left <= 0) return 'Complet : inscription sur liste d’attente';
  return left === 1 ? '1 place restante' : `${left} places restantes`;
}
