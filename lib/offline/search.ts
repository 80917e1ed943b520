// The offline search of issue #21, run in the browser on a kept département package
// (lib/offline/package.ts): a commune's centre or the phone's position, places nearest first with
// their distance, "ouvert maintenant" from the weekly slots in the place's zone. Pure functions,
// no DOM, so the unit tests (search.test.ts) and the page's island (components/islands/offline.ts)
// run the same code.
import type { OfflinePackage, PackedPlace } from './package';

export type Point = { latitude: number; longitude: number };
export type OfflineResult = { place: PackedPlace; distanceKm: number; open: boolean; closedNow: boolean };

const RAD = Math.PI / 180;

export function distanceKm(a: Point, b: Point): number {
  const dLat = (b.latitude - a.latitude) * RAD;
  const dLng = (b.longitude - a.longitude) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * RAD) * Math.cos(b.latitude * RAD) * Math.sin(dLng / 2) ** 2;
  return 12742 * Math.asin(Math.min(1, Math.sqrt(h)));
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The local date (YYYY-MM-DD) and minute of the week (Monday 00:00 = 0) of `now` in `zone`. */
export function localTime(now: Date, zone: string): { date: string; minute: number } {
  let format = formatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      weekday: 'short',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(zone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday);
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minute: weekday * 1440 + Number(parts.hour) * 60 + Number(parts.minute) };
}

/** Whether the weekly ranges (start/end pairs, minutes of the week) contain `minute`. */
export function openAtMinute(week: number[], minute: number): boolean {
  for (let i = 0; i < week.length; i += 2) if (week[i] <= minute && minute < week[i + 1]) return true;
  return false;
}

/** Open now by its usual hours, and not within a temporary closure. */
export function openNow(place: PackedPlace, zone: string, now: Date): { open: boolean; closedNow: boolean } {
  const local = localTime(now, zone);
  const closure = place[13];
  const closedNow = closure !== 0 && (!closure[0] || closure[0] <= local.date) && (!closure[1] || local.date <= closure[1]);
  return { open: !closedNow && openAtMinute(place[11], local.minute), closedNow };
}

/** Lower case, no accents, hyphens and apostrophes as spaces: "Saint-Barthélemy-d'Anjou" → "saint barthelemy d anjou". */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[-'’\s]+/g, ' ')
    .trim();
}

/** The commune a text names in the package: its exact name, a postcode, else the only or first one starting so. */
export function findCommune(pkg: OfflinePackage, text: string): { name: string; point: Point } | null {
  const wanted = fold(text);
  if (!wanted) return null;
  const pick = (c: OfflinePackage['communes'][number]) => ({ name: c[0], point: { latitude: c[2], longitude: c[3] } });
  const exact = pkg.communes.find((c) => fold(c[0]) === wanted || c[1] === wanted);
  if (exact) return pick(exact);
  const start = pkg.communes.find((c) => fold(c[0]).startsWith(wanted));
  return start ? pick(start) : null;
}

/** The places nearest `origin` first (at most `limit`), each with its distance and whether it is open now. */
export function searchOffline(pkg: OfflinePackage, origin: Point, now: Date, options: { limit?: number; openOnly?: boolean } = {}): OfflineResult[] {
  const limit = options.limit ?? 20;
  const scored: Array<{ place: PackedPlace; distanceKm: number }> = pkg.places.map((place) => ({
    place,
    distanceKm: distanceKm(origin, { latitude: place[5], longitude: place[6] }),
  }));
  scored.sort((a, b) => a.distanceKm - b.distanceKm || (a.place[1] < b.place[1] ? -1 : 1));
  const out: OfflineResult[] = [];
  for (const entry of scored) {
    const state = openNow(entry.place, pkg.zones[entry.place[0]] ?? 'Europe/Paris', now);
    if (options.openOnly && !state.open) continue;
    out.push({ ...entry, ...state });
    if (out.length >= limit) break;
  }
  return out;
}

/** How old the kept data is, in French: "aujourd’hui", "hier", "il y a 3 jours". */
export function ageInWords(date: string, now: Date): string {
  const days = Math.floor((now.getTime() - new Date(date).getTime()) / 86_400_000);
  if (days <= 0) return 'aujourd’hui';
  if (days === 1) return 'hier';
  return `il y a ${days} jours`;
}

/** Older than a week: refreshed when the phone is online. */
export function isStale(downloadedAt: string, now: Date): boolean {
  return now.getTime() - new Date(downloadedAt).getTime() > 7 * 86_400_000;
}

/** "1,2 km", "350 m". */
export function formatDistance(km: number): string {
  return km < 1 ? `${Math.max(10, Math.round(km * 100) * 10)} m` : `${(Math.round(km * 10) / 10).toString().replace('.', ',')} km`;
}

const DAYS = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];
const clock = (minute: number) => {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return m ? `${h} h ${String(m).padStart(2, '0')}` : `${h} h`;
};

/** The usual week in French, one line per open day: "Lundi : 9 h – 12 h, 14 h – 17 h 30". */
export function weekLines(week: number[]): string[] {
  const byDay: string[][] = DAYS.map(() => []);
  for (let i = 0; i < week.length; i += 2) {
    for (let day = Math.floor(week[i] / 1440); day < 7 && day * 1440 < week[i + 1]; day++) {
      const start = Math.max(week[i], day * 1440) - day * 1440;
      const end = Math.min(week[i + 1], (day + 1) * 1440) - day * 1440;
      if (end > start) byDay[day].push(`${clock(start)} – ${clock(end)}`);
    }
  }
  return DAYS.flatMap((name, day) => (byDay[day].length ? [`${name} : ${byDay[day].join(', ')}`] : []));
}
