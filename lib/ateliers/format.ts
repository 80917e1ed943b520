// Dates of sessions in French, in the atelier's own time zone (whatever the server's), and the
// other words the ateliers' pages and mails share. Given a translator (lib/i18n, a type only here:
// this module is also bundled for the browser), the public pages' words in the visitor's language.
import type { Service } from '@prisma/client';
import type { MessageKey, Translator } from '@/lib/i18n';
import { SERVICE_LABELS } from '@/lib/standard/enums';
import { SERVICE_PLAIN } from '@/lib/standard/plain-words';

const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string, kind: 'day' | 'time', intl = 'fr-FR'): Intl.DateTimeFormat {
  const key = `${intl}|${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      intl,
      kind === 'day' ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { timeZone, hour: '2-digit', minute: '2-digit' },
    );
    cache.set(key, f);
  }
  return f;
}

/** « mardi 5 janvier 2027 » (« Tuesday 5 January 2027 » with an English `t`). */
export const sessionDay = (d: Date, timeZone: string, t?: Translator) => fmt(timeZone, 'day', t?.intl).format(d);

/** « 14 h 00 » (« 14:00 » in the other languages). */
export const sessionTime = (d: Date, timeZone: string, t?: Translator) =>
  !t || t.locale === 'fr' ? fmt(timeZone, 'time').format(d).replace(':', ' h ') : fmt(timeZone, 'time', t.intl).format(d);

/** « mardi 5 janvier 2027, 14 h 00 – 16 h 00 », with the zone named when it is not mainland France's. */
export function sessionWhen(startsAt: Date, endsAt: Date, timeZone: string, t?: Translator): string {
  const city = timeZone.split('/').pop()!.replace(/_/g, ' ');
  const zone = timeZone === 'Europe/Paris' ? '' : ` ${t ? t('ateliers.localTime', { zone: city }) : `(heure locale, ${city})`}`;
  return `${sessionDay(startsAt, timeZone, t)}, ${sessionTime(startsAt, timeZone, t)} – ${sessionTime(endsAt, timeZone, t)}${zone}`;
}

const SERVICE_BY_LABEL = new Map(Object.entries(SERVICE_LABELS).map(([key, label]) => [label, key as Service]));

/** A theme as the database holds it (the standard's string) or as its key, in plain words. */
export function themePlain(value: string, t?: Translator): string {
  const key = (value in SERVICE_PLAIN ? value : SERVICE_BY_LABEL.get(value)) as Service | undefined;
  if (key && t) return t(`service.${key}` as MessageKey);
  return key ? SERVICE_PLAIN[key].label : value;
}

/** « 3 places restantes », « Complet : liste d’attente ». */
export function seatsText(left: number, t?: Translator): string {
  if (t) return t('ateliers.seats', { count: Math.max(0, left) });
  if (left <= 0) return 'Complet : inscription sur liste d’attente';
  return left === 1 ? '1 place restante' : `${left} places restantes`;
}
