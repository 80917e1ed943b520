// Dates of sessions in French, in the atelier's own time zone (whatever the server's).
const cache = new Map<string, Intl.DateTimeFormat>();

function fmt(timeZone: string, kind: 'day' | 'time'): Intl.DateTimeFormat {
  const key = `${timeZone}|${kind}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat('fr-FR', kind === 'day' ? { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' } : { timeZone, hour: '2-digit', minute: '2-digit' });
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
